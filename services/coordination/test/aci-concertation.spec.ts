import { randomUUID } from 'node:crypto';
import { TestEventPublisher } from '@msp/testing';
import { CoordinationTestApp } from './fixtures/coordination-test-app';
import { addCase, clockAt, closeMinutes, heldMeeting } from './fixtures/minutes';
import { openPractice, scheduleMeeting, type Practice, type PracticeMember } from './fixtures/practice';

const NOW = '2026-11-30T09:00:00.000Z';
const ACI = `query($structureId: ID!, $year: Int!) { aciConcertation(structureId: $structureId, year: $year) {
  year meetingsCounted meetingTarget meetingsMissing countedMeetingIds daysLeft sharesAvailable sharesUnavailableReason
  shares { memberId eligibleCount reviewedCount sharePercent targetPercent met casesMissing } } }`;
const TO_REVIEW = `query($structureId: ID!, $limit: Int) {
  eligiblePatientsToReview(structureId: $structureId, limit: $limit) { patientId gpId } }`;

interface Standing {
  meetingsCounted: number;
  meetingsMissing: number;
  countedMeetingIds: string[];
  daysLeft: number;
  sharesAvailable: boolean;
  sharesUnavailableReason: string | null;
  shares: Array<Record<string, unknown>> | null;
}

const patients = (n: number) => Array.from({ length: n }, () => randomUUID());

/** COO-7 on a scripted year, through the GraphQL API, against a hand-built population and hand-computed values. */
describe('ACI concertation check', () => {
  let app: CoordinationTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  const counted: string[] = [];
  // GP A: 40 eligible patients (5 % = 2); GP B: 30 (5 % = 1.5, so 2); GP C: none.
  const eligibleA = patients(40);
  const eligibleB = patients(30);
  const notEligible = randomUUID();
  const upcoming = eligibleB[2]!;
  const populationAsked: Array<Record<string, string>> = [];

  beforeAll(async () => {
    events = await TestEventPublisher.start('coordination-spec-aci');
    app = await CoordinationTestApp.start('coordination_aci');
    practice = await openPractice(app, events);
    const { coordinator, gps, nurse, pharmacist } = practice;
    const pluri: Array<[PracticeMember, 'present']> = [
      [coordinator, 'present'],
      [gps[0], 'present'],
      [nurse, 'present'],
    ];
    const hold = async (
      startsAt: string,
      patientIds: string[],
      options: { kind?: string; attendance?: Array<[PracticeMember, 'present']>; close?: boolean } = {},
    ) => {
      const { meeting } = await heldMeeting(app, practice, startsAt, options.attendance ?? pluri, {
        kind: options.kind ?? 'rcp',
        cases: patientIds.map((patientId) => ({ presenter: gps[0], patientId })),
      });
      if (options.close !== false) await closeMinutes(app, coordinator, meeting.id);
      return meeting.id;
    };
    // Counted: held RCP or synthesis, pluriprofessional, minutes closed.
    counted.push(await hold('2026-02-10T11:30:00.000Z', [eligibleA[0]!, eligibleA[1]!]));
    counted.push(await hold('2026-04-14T11:30:00.000Z', [eligibleA[0]!, notEligible]));
    counted.push(await hold('2026-06-09T11:30:00.000Z', [eligibleB[0]!], { kind: 'synthesis' }));
    counted.push(
      await hold('2026-09-08T10:30:00.000Z', [], {
        attendance: [
          [gps[1], 'present'],
          [pharmacist, 'present'],
        ],
      }),
    );
    // Not counted: a year earlier; two GPs only (one profession); a staff meeting; minutes not closed.
    await hold('2025-12-16T11:30:00.000Z', [eligibleA[5]!]);
    await hold('2026-03-10T11:30:00.000Z', [eligibleA[2]!], {
      attendance: [
        [gps[0], 'present'],
        [gps[1], 'present'],
      ],
    });
    await hold('2026-05-12T11:30:00.000Z', [eligibleA[3]!], { kind: 'staff' });
    await hold('2026-10-13T11:30:00.000Z', [eligibleB[1]!], { close: false });
    // A meeting to come, its agenda already holding one of B's patients.
    clockAt(app, NOW);
    const next = await scheduleMeeting(
      app,
      practice,
      coordinator,
      [gps[1]],
      '2026-12-15T11:30:00.000Z',
      '2026-12-15T13:00:00.000Z',
    );
    await addCase(app, coordinator, next.id, gps[1], { patientId: upcoming });
    app.directory.routes.set('GET /internal/concertation-population', ({ query }) => {
      populationAsked.push(Object.fromEntries(query));
      return {
        status: 200,
        body: {
          structureId: practice.structureId,
          asOf: '2026-11-30',
          practitioners: [
            { memberId: gps[0].id, patientCount: 900, eligibleCount: 40, eligiblePatientIds: eligibleA },
            { memberId: gps[1].id, patientCount: 700, eligibleCount: 30, eligiblePatientIds: eligibleB },
            { memberId: gps[2].id, patientCount: 50, eligibleCount: 0, eligiblePatientIds: [] },
          ],
        },
      };
    });
  }, 120_000);

  beforeEach(() => clockAt(app, NOW));

  afterAll(async () => {
    await app?.stop();
    await events?.stop();
  });

  it('The ACI concertation check on a scripted year: meetings counted, the 5 % share per GP computed against hand-computed values', async () => {
    populationAsked.length = 0;
    const { aciConcertation } = await app.ok<{ aciConcertation: Standing }>(
      ACI,
      { structureId: practice.structureId, year: 2026 },
      practice.coordinator.user,
    );
    expect(aciConcertation).toMatchObject({
      year: 2026,
      meetingsCounted: 4,
      meetingTarget: 6,
      meetingsMissing: 2,
      // 30 November to 31 December.
      daysLeft: 31,
      sharesAvailable: true,
      sharesUnavailableReason: null,
    });
    expect([...aciConcertation.countedMeetingIds].sort()).toEqual([...counted].sort());
    expect(aciConcertation.shares).toEqual([
      // A: two distinct eligible patients (A0 twice, A1) of 40 = 5 %: met.
      {
        memberId: practice.gps[0].id,
        eligibleCount: 40,
        reviewedCount: 2,
        sharePercent: 5,
        targetPercent: 5,
        met: true,
        casesMissing: 0,
      },
      // B: one of 30 = 3.33 %; 5 % of 30 rounds up to 2 patients: one more case before 31 December.
      {
        memberId: practice.gps[1].id,
        eligibleCount: 30,
        reviewedCount: 1,
        sharePercent: 3.33,
        targetPercent: 5,
        met: false,
        casesMissing: 1,
      },
      {
        memberId: practice.gps[2].id,
        eligibleCount: 0,
        reviewedCount: 0,
        sharePercent: null,
        targetPercent: 5,
        met: true,
        casesMissing: 0,
      },
    ]);
    expect(populationAsked).toEqual([{ structureId: practice.structureId, asOf: '2026-11-30' }]);
  });

  it('still counts the meetings when the directory does not answer, and says the share is unavailable', async () => {
    app.directory.down = true;
    try {
      const { aciConcertation } = await app.ok<{ aciConcertation: Standing }>(
        ACI,
        { structureId: practice.structureId, year: 2026 },
        practice.gps[0].user,
      );
      expect(aciConcertation).toMatchObject({ meetingsCounted: 4, sharesAvailable: false, shares: null });
      expect(aciConcertation.sharesUnavailableReason).toMatch(/indisponible/);
    } finally {
      app.directory.down = false;
    }
  });

  it('proposes eligible patients neither reviewed this year nor on an agenda to come, B’s first', async () => {
    const { eligiblePatientsToReview } = await app.ok<{
      eligiblePatientsToReview: Array<{ patientId: string; gpId: string }>;
    }>(TO_REVIEW, { structureId: practice.structureId, limit: 200 }, practice.coordinator.user);
    const proposed = eligiblePatientsToReview.map((p) => p.patientId);
    // A: 40 less A0 and A1 reviewed; B: 30 less B0 reviewed and the one on the next agenda.
    expect(proposed).toHaveLength(38 + 28);
    expect(new Set(proposed).size).toBe(proposed.length);
    for (const gone of [eligibleA[0], eligibleA[1], eligibleB[0], upcoming]) expect(proposed).not.toContain(gone);
    // Reviewed in meetings that did not count: proposed again.
    expect(proposed).toEqual(expect.arrayContaining([eligibleA[2], eligibleA[3], eligibleB[1]]));
    expect(eligiblePatientsToReview[0]!.gpId).toBe(practice.gps[1].id);
  });

  it('answers the check to coordinators, administrators and practitioners only; another structure’s is unseen', async () => {
    const refused = await app.gql(ACI, { structureId: practice.structureId, year: 2026 }, practice.secretary.user);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await app.gql(ACI, { structureId: randomUUID(), year: 2026 }, practice.coordinator.user);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'structureId' });
  });
});
