import { randomUUID } from 'node:crypto';
import type { UserContext } from '@msp/auth';
import { expectEventually, TestEventPublisher } from '@msp/testing';
import { IndicatorsTestApp } from './fixtures/indicators-test-app';

const SCORES = `query ($s: ID!, $p: String!, $who: ID) {
  indicatorScores(structureId: $s, period: $p, practitionerId: $who) {
    scores {
      indicatorCode status level numerator denominator explanation provenance
      pointsMaximum pointsEarned pointsWeighted estimatedEuros
    }
  }
}`;
const IMPORT = `mutation ($input: ImportIndicatorValuesInputType!) {
  importIndicatorValues(input: $input) { ok imported errors { line column message } }
}`;

interface ScoreRow {
  indicatorCode: string;
  status: string;
  level: number | null;
  numerator: number | null;
  denominator: number | null;
  explanation: string[];
  provenance: string;
}

/**
 * A year of an MSP as coordination's and delegation's events tell it, for the ACI criteria computed from them. By hand:
 * - protocols: A pluriprofessional adopted June 2025; B pluriprofessional adopted March 2026, retired end of September;
 *   C not pluriprofessional; D pluriprofessional adopted 5 December 2026 → November 2026 has A (1); the year 2026
 *   has A, B and D (3);
 * - cases reviewed: e1 twice in November (one patient), e2 in a meeting without the pluriprofessional rule, e3 in March,
 *   e4 at 00:30 on 1 December in Paris (30 November in UTC), a former patient no longer eligible in November; ten
 *   eligible patients → November 1/10, the year 3/10 (e1, e3, e4).
 */
describe('ACI criteria computed from coordination’s and delegation’s events, with the directory’s population', () => {
  let app: IndicatorsTestApp;
  let events: TestEventPublisher;
  const structureId = randomUUID();
  const siteId = randomUUID();
  const gp = randomUUID();
  const admin: UserContext = {
    memberId: randomUUID(),
    memberships: [{ structureId, roles: ['administrator', 'coordinator'], siteIds: [siteId] }],
  };
  const eligible = Array.from({ length: 10 }, () => randomUUID());
  const [e1, e2, e3, e4] = eligible;
  const formerPatient = randomUUID();
  const [pA, pB, pC, pD] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const e1Case = randomUUID();

  const scores = async (period: string, who?: string) =>
    (await app.ok<{ indicatorScores: { scores: ScoreRow[] } }>(SCORES, { s: structureId, p: period, who }, admin))
      .indicatorScores.scores;
  const aci = async (period: string) =>
    Object.fromEntries(
      (await scores(period)).filter((s) => s.indicatorCode.startsWith('ACI-')).map((s) => [s.indicatorCode, s]),
    );

  const adopt = (protocolId: string, pluriprofessional: boolean, adoptedAt: string) =>
    events.publish('delegation.protocol.adopted.v1', {
      protocolId,
      structureId,
      version: 1,
      taskType: 'exam_follow_up',
      validationCircuit: 'weekly_review',
      executingRoles: ['medical_assistant'],
      professions: pluriprofessional ? ['general_practitioner', 'nurse'] : ['general_practitioner'],
      pluriprofessional,
      standardMinutes: 6,
      adoptedBy: gp,
      adoptedAt,
    });
  const review = (patientId: string, pluriprofessional: boolean, reviewedAt: string, caseId = randomUUID()) =>
    events.publish('coordination.case.reviewed.v1', {
      caseId,
      meetingId: randomUUID(),
      structureId,
      kind: 'rcp',
      patientId,
      theme: 'polypathology',
      presenterId: gp,
      pluriprofessional,
      reviewedAt,
    });

  beforeAll(async () => {
    app = await IndicatorsTestApp.start('indicators_aci');
    app.eligible.set(structureId, eligible);
    events = await TestEventPublisher.start('indicators-spec-aci');
    await events.publish('directory.site.opened.v1', {
      siteId,
      structureId,
      timeZone: 'Europe/Paris',
      openingHours: [],
      openedAt: '2025-01-01T08:00:00Z',
    });
    await adopt(pA, true, '2025-06-01T10:00:00Z');
    await adopt(pB, true, '2026-03-10T10:00:00Z');
    await events.publish('delegation.protocol.retired.v1', {
      protocolId: pB,
      structureId,
      version: 1,
      taskType: 'exam_follow_up',
      validationCircuit: 'weekly_review',
      executingRoles: ['medical_assistant'],
      professions: ['general_practitioner', 'nurse'],
      pluriprofessional: true,
      standardMinutes: 6,
      retiredBy: gp,
      retiredAt: '2026-09-30T10:00:00Z',
    });
    await adopt(pC, false, '2026-02-01T10:00:00Z');
    await adopt(pD, true, '2026-12-05T10:00:00Z');
    await review(e1, true, '2026-11-10T13:00:00Z', e1Case);
    await review(e1, true, '2026-11-24T13:00:00Z');
    await review(e2, false, '2026-11-10T13:00:00Z');
    await review(e3, true, '2026-03-15T13:00:00Z');
    await review(e4, true, '2026-11-30T23:30:00Z');
    await review(formerPatient, true, '2026-11-10T13:00:00Z');
    // The first review of e1's case arriving again late, older than what is known: nothing changes.
    await review(e1, true, '2026-11-01T13:00:00Z', e1Case);
    await expectEventually(
      async () => expect((await aci('2026'))['ACI-A2-CONCERTATION']).toMatchObject({ numerator: 3 }),
      60_000,
    );
    await expectEventually(async () => expect((await aci('2026'))['ACI-A2-PROTOCOLES'].level).toBe(3), 30_000);
  }, 120_000);

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  it('counts the pluriprofessional protocols in force over the period, a retired one until its retirement', async () => {
    // 100 points a protocol at 7 € the point; the number of protocols paid is still "à compléter": no maximum.
    expect((await aci('2026-11'))['ACI-A2-PROTOCOLES']).toMatchObject({
      level: 1,
      provenance: 'computed',
      pointsMaximum: null,
      pointsEarned: 100,
      pointsWeighted: 100,
      estimatedEuros: 700,
    });
    expect((await aci('2026'))['ACI-A2-PROTOCOLES']).toMatchObject({ level: 3 });
    expect((await aci('2026-T2'))['ACI-A2-PROTOCOLES']).toMatchObject({ level: 2 }); // A and B
  });

  it('shares the eligible patients reviewed in pluriprofessional meetings, each once, in the structure’s zone', async () => {
    expect((await aci('2026-11'))['ACI-A2-CONCERTATION']).toMatchObject({
      numerator: 1,
      denominator: 10,
      level: 10,
      provenance: 'computed',
    });
    expect((await aci('2026-12'))['ACI-A2-CONCERTATION']).toMatchObject({ numerator: 1, denominator: 10 }); // e4
    expect((await aci('2026'))['ACI-A2-CONCERTATION']).toMatchObject({ numerator: 3, denominator: 10, level: 30 });
  });

  it('asks the directory for the population on the period’s last day, as indicators', async () => {
    const before = app.populationReads.length;
    await aci('2026-03');
    expect(app.populationReads.slice(before).map((q) => Object.fromEntries(q))).toEqual([
      { structureId, asOf: '2026-03-31' },
    ]);
  });

  it('gives no ACI criterion in a practitioner’s own figures', async () => {
    const own = await app.ok<{ indicatorScores: { scores: ScoreRow[] } }>(
      SCORES,
      { s: structureId, p: '2026-11', who: gp },
      { memberId: gp, memberships: [{ structureId, roles: ['practitioner'], siteIds: [siteId] }] },
    );
    expect(own.indicatorScores.scores.filter((s) => s.indicatorCode.startsWith('ACI-'))).toEqual([]);
  });

  it('keeps the protocols and says why the share is missing while the directory is down', async () => {
    app.directory.down = true;
    try {
      const down = await aci('2026-11');
      expect(down['ACI-A2-PROTOCOLES'].level).toBe(1);
      expect(down['ACI-A2-CONCERTATION']).toMatchObject({ numerator: null, denominator: null, level: null });
      expect(down['ACI-A2-CONCERTATION'].explanation.join(' ')).toContain('L’annuaire ne répond pas');
    } finally {
      app.directory.down = false;
    }
  });

  it('shows the insurer’s figure imported for the year instead of the computed one', async () => {
    const csv = `rpps;code_indicateur;periode;numerateur;denominateur\r\n;ACI-A2-CONCERTATION;2026;4;10\r\n`;
    const result = await app.ok<{ importIndicatorValues: { ok: boolean; imported: number } }>(
      IMPORT,
      { input: { structureId, csvBase64: Buffer.from(csv).toString('base64'), fileName: 'releve-aci-2026.csv' } },
      admin,
    );
    expect(result.importIndicatorValues).toMatchObject({ ok: true, imported: 1 });
    const year = (await scores('2026')).filter((s) => s.indicatorCode === 'ACI-A2-CONCERTATION');
    expect(year).toEqual([expect.objectContaining({ numerator: 4, denominator: 10, provenance: 'imported' })]);
    // November has no import: still computed.
    expect((await aci('2026-11'))['ACI-A2-CONCERTATION']).toMatchObject({ numerator: 1, provenance: 'computed' });
  });
});
