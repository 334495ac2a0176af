import { randomUUID } from 'node:crypto';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryProjection } from '../src/application/projections/directory-projection';
import { SnpReleaseJob } from '../src/application/snp/snp-release.job';
import { DirectoryStub } from './fixtures/directory-stub';
import { BOOK, DEFINE_RANGE } from './fixtures/operations';
import { publicCall } from './fixtures/public-api';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

const SNP_SLOTS = `query($c: ID!, $f: String!, $t: String!, $p: String) {
  snpSlots(cptsId: $c, from: $f, to: $t, profession: $p) { practitionerId structureId siteId motifId startsAt released releasesAt } }`;

interface PoolSlot {
  practitionerId: string;
  structureId: string;
  motifId: string;
  startsAt: string;
  released: boolean;
  releasesAt: string;
}

describe('SNP capacity: release, announcement and the CPTS pool (SCH-4)', () => {
  let directory: DirectoryStub;
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;
  const DAY = 5;
  let date: string;

  beforeAll(async () => {
    directory = await DirectoryStub.start();
    scheduling = await SchedulingTestApp.start('scheduling_snp', {
      DIRECTORY_INTERNAL_URL: directory.url,
      SNP_RELEASE_SCAN_SECONDS: '3600',
    });
    agenda = await seedAgenda(scheduling);
    date = siteTime(agenda, DAY, '12:00').slice(0, 10);
    // The colleague holds back a third of 09:00–12:00 for unscheduled care, released at 08:00 the same day.
    await scheduling.sql(`delete from opening_range where practitioner_id = $1`, [agenda.colleagueId]);
    const range = {
      practitionerId: agenda.colleagueId,
      siteId: agenda.siteId,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startTime: '09:00',
      endTime: '12:00',
      validFrom: siteTime(agenda, -1, '12:00').slice(0, 10),
      snpShare: 1 / 3,
      snpRelease: { daysBefore: 0, at: '08:00' },
    };
    await scheduling.ok(DEFINE_RANGE, { input: range }, agenda.as.secretary);
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await scheduling?.stop();
    await directory?.stop();
  });

  const at = (instant: string) => jest.spyOn(scheduling.get(Clock), 'now').mockReturnValue(new Date(instant));
  const onlineStarts = async () =>
    (
      await publicCall<{ slots: Array<{ startsAt: string }> }>(
        scheduling.publicUrl,
        'GET',
        `/public/${agenda.structureId}/slots?motifId=${agenda.motifId}&from=${date}&to=${date}&practitionerId=${agenda.colleagueId}`,
      )
    ).body.slots.map((s) => s.startsAt);

  it('announces the range with what indicators count: rule, wall times, zone, validity and its SNP grid', async () => {
    const [defined] = (await scheduling.events('scheduling.opening-ranges.changed.v1')).filter(
      (e) => e.practitionerId === agenda.colleagueId && e.snpShare === 1 / 3,
    );
    // The structure's motifs last 20, 30 and 45 minutes: 09:00–12:00 on the 20-minute grid is 9 slots, a third SNP.
    expect(defined).toEqual({
      practitionerId: agenda.colleagueId,
      structureId: agenda.structureId,
      siteId: agenda.siteId,
      openingRangeId: expect.any(String),
      change: 'defined',
      changedAt: expect.any(String),
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU',
      startTime: '09:00',
      endTime: '12:00',
      timeZone: 'Europe/Paris',
      validFrom: siteTime(agenda, -1, '12:00').slice(0, 10),
      validUntil: null,
      snpShare: 1 / 3,
      snpSlot: { motifId: agenda.motifId, durationMinutes: 20, bufferAfterMinutes: 0 },
      snpSlotsPerOccurrence: 3,
    });
  });

  it('SNP slots are invisible online before their release, visible after it; staff may book one before', async () => {
    const before = await onlineStarts();
    expect(before).toHaveLength(6);
    at(new Date(new Date(siteTime(agenda, DAY, '08:00')).getTime() + 60_000).toISOString());
    const after = await onlineStarts();
    expect(after).toHaveLength(9);
    jest.restoreAllMocks();
    const snpStart = after.find((s) => !before.includes(s)) as string;
    const input = {
      practitionerId: agenda.colleagueId,
      siteId: agenda.siteId,
      motifId: agenda.motifId,
      patientId: agenda.patientId,
      startsAt: snpStart,
    };
    await expect(scheduling.ok(BOOK, { input }, agenda.as.secretary)).resolves.toBeDefined();
    expect(await onlineStarts()).toEqual(before);
  });

  it('announces a day once its release time has passed in the site zone, once per practitioner and day', async () => {
    const job = scheduling.get(SnpReleaseJob);
    at(new Date(new Date(siteTime(agenda, DAY, '08:00')).getTime() - 60_000).toISOString());
    await job.scan();
    const ofTheDay = async () =>
      (await scheduling.events('scheduling.snp.released.v1')).filter(
        (e) => e.practitionerId === agenda.colleagueId && e.date === date,
      );
    expect(await ofTheDay()).toEqual([]);
    at(new Date(new Date(siteTime(agenda, DAY, '08:00')).getTime() + 60_000).toISOString());
    expect(await job.scan()).toBeGreaterThanOrEqual(1);
    expect(await job.scan()).toBe(0);
    expect(await ofTheDay()).toEqual([
      {
        practitionerId: agenda.colleagueId,
        structureId: agenda.structureId,
        date,
        releasedAt: new Date(siteTime(agenda, DAY, '08:00')).toISOString(),
        siteIds: [agenda.siteId],
        openingRangeIds: [expect.any(String)],
      },
    ]);
  });

  it("pools the SNP slots of the CPTS's practitioner members for its members only, released or not", async () => {
    const cptsId = randomUUID();
    const coordinatorId = randomUUID();
    const projection = scheduling.get(DirectoryProjection);
    await scheduling.get(TransactionRunner).run(async () => {
      await projection.upsertMember({
        memberId: agenda.colleagueId,
        structureId: cptsId,
        profession: 'general_practitioner',
        roles: ['practitioner'],
        siteIds: [],
      });
      await projection.upsertMember({
        memberId: coordinatorId,
        structureId: cptsId,
        profession: 'care_coordinator',
        roles: ['coordinator', 'administrator'],
        siteIds: [],
      });
    });
    const coordinator: UserContext = {
      memberId: coordinatorId,
      memberships: [{ structureId: cptsId, roles: ['coordinator'], siteIds: [] }],
    };
    const next = siteTime(agenda, DAY + 1, '12:00').slice(0, 10);
    const { snpSlots } = await scheduling.ok<{ snpSlots: PoolSlot[] }>(
      SNP_SLOTS,
      { c: cptsId, f: next, t: next },
      coordinator,
    );
    const twenty = snpSlots.filter((s) => s.motifId === agenda.motifId);
    expect(twenty).toHaveLength(3);
    expect(new Set(snpSlots.map((s) => s.practitionerId))).toEqual(new Set([agenda.colleagueId]));
    expect(twenty[0]).toMatchObject({
      structureId: agenda.structureId,
      released: false,
      releasesAt: new Date(siteTime(agenda, DAY + 1, '08:00')).toISOString(),
    });
    expect(
      (
        await scheduling.ok<{ snpSlots: PoolSlot[] }>(
          SNP_SLOTS,
          { c: cptsId, f: next, t: next, p: 'midwife' },
          coordinator,
        )
      ).snpSlots,
    ).toEqual([]);
    const outsider = await scheduling.gql(SNP_SLOTS, { c: cptsId, f: next, t: next }, agenda.as.secretary);
    expect(outsider.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
