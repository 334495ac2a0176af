import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryProjection } from '../src/application/projections/directory-projection';
import { BOOK, DECLARE_ABSENCE, DEFINE_RANGE, FREE_SLOTS } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

interface Slot {
  practitionerId: string;
  siteId: string;
  startsAt: string;
  endsAt: string;
  snp: boolean;
  snpReleasesAt: string | null;
}

describe('free slots over GraphQL, in each site zone', () => {
  let scheduling: SchedulingTestApp;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_free_slots');
  });

  afterAll(() => scheduling?.stop());

  const dateIn = (agenda: SeededAgenda, days: number) => siteTime(agenda, days, '12:00').slice(0, 10);
  const search = async (agenda: SeededAgenda, days: number, extra: Record<string, unknown> = {}) =>
    (
      await scheduling.ok<{ freeSlots: Slot[] }>(
        FREE_SLOTS,
        {
          input: {
            motifId: agenda.motifId,
            from: dateIn(agenda, days),
            to: dateIn(agenda, days),
            practitionerIds: [agenda.gpId],
            ...extra,
          },
        },
        agenda.as.secretary,
      )
    ).freeSlots;

  it.each([
    ['Europe/Paris', 'Europe/Paris'],
    ['Indian/Reunion', 'Indian/Reunion'],
    ['America/Cayenne', 'America/Cayenne'],
  ])('%s: the first slot is 08:00 local, every 20 minutes up to 17:40', async (_label, zone) => {
    const agenda = await seedAgenda(scheduling, zone);
    const slots = await search(agenda, 3);
    const local = slots.map((s) => DateTime.fromISO(s.startsAt, { zone }).toFormat('HH:mm'));
    expect(local[0]).toBe('08:00');
    expect(local[local.length - 1]).toBe('17:40');
    expect(slots).toHaveLength(30);
    expect(slots[0].startsAt).toBe(new Date(siteTime(agenda, 3, '08:00')).toISOString());
  });

  it('a booked slot and a declared absence disappear from the offer; the absence is published', async () => {
    const agenda = await seedAgenda(scheduling);
    const booked = siteTime(agenda, 4, '09:00');
    await scheduling.ok(
      BOOK,
      {
        input: {
          practitionerId: agenda.gpId,
          siteId: agenda.siteId,
          motifId: agenda.motifId,
          patientId: agenda.patientId,
          startsAt: booked,
        },
      },
      agenda.as.secretary,
    );
    const absence = {
      structureId: agenda.structureId,
      practitionerId: agenda.gpId,
      kind: 'BLOCKED',
      startsAt: siteTime(agenda, 4, '14:00'),
      endsAt: siteTime(agenda, 4, '18:00'),
    };
    const { declareAbsence } = await scheduling.ok<{ declareAbsence: { id: string } }>(
      DECLARE_ABSENCE,
      { input: absence },
      agenda.as.practitioner,
    );
    const starts = (await search(agenda, 4)).map((s) => s.startsAt);
    expect(starts).toHaveLength(30 - 1 - 12);
    expect(starts).not.toContain(new Date(booked).toISOString());
    expect(starts[starts.length - 1]).toBe(new Date(siteTime(agenda, 4, '13:40')).toISOString());
    expect(
      (await scheduling.events('scheduling.absence.declared.v1')).find((e) => e.absenceId === declareAbsence.id),
    ).toMatchObject({
      practitionerId: agenda.gpId,
      kind: 'blocked',
      startsAt: new Date(absence.startsAt).toISOString(),
    });
  });

  it('SNP slots: shown to staff with their release time, hidden from online booking until then; staff can book one', async () => {
    const agenda = await seedAgenda(scheduling);
    const practitionerId = agenda.colleagueId;
    await scheduling.sql(`delete from opening_range where practitioner_id = $1`, [practitionerId]);
    const validFrom = dateIn(agenda, -1);
    const range = {
      practitionerId,
      siteId: agenda.siteId,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startTime: '09:00',
      endTime: '12:00',
      validFrom,
      snpShare: 1 / 3,
      snpRelease: { daysBefore: 0, at: '08:00' },
    };
    await scheduling.ok(DEFINE_RANGE, { input: range }, agenda.as.secretary);
    const staff = await search(agenda, 5, { practitionerIds: [practitionerId] });
    const snp = staff.filter((s) => s.snp);
    expect(staff).toHaveLength(9);
    expect(snp).toHaveLength(3);
    expect(snp[0].snpReleasesAt).toBe(new Date(siteTime(agenda, 5, '08:00')).toISOString());
    const online = await search(agenda, 5, { practitionerIds: [practitionerId], audience: 'ONLINE' });
    expect(online).toHaveLength(6);
    expect(online.some((s) => s.snp)).toBe(false);
    const input = {
      practitionerId,
      siteId: agenda.siteId,
      motifId: agenda.motifId,
      patientId: agenda.patientId,
      startsAt: snp[0].startsAt,
    };
    await expect(scheduling.ok(BOOK, { input }, agenda.as.secretary)).resolves.toBeDefined();
  });

  it('filters by profession and site across practitioners: each filter keeps some slots and drops others', async () => {
    const agenda = await seedAgenda(scheduling);
    const annexId = randomUUID();
    const midwifeId = randomUUID();
    await scheduling.get(TransactionRunner).run(async () => {
      const projection = scheduling.get(DirectoryProjection);
      await projection.upsertSite({ siteId: annexId, structureId: agenda.structureId, timeZone: agenda.timeZone });
      await projection.upsertMember({
        memberId: midwifeId,
        structureId: agenda.structureId,
        profession: 'midwife',
        roles: ['practitioner'],
        siteIds: [annexId],
      });
    });
    const midwifeRange = {
      practitionerId: midwifeId,
      siteId: annexId,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startTime: '09:00',
      endTime: '10:00',
      validFrom: dateIn(agenda, -1),
    };
    await scheduling.ok(DEFINE_RANGE, { input: midwifeRange }, agenda.as.secretary);
    const offered = (extra: Record<string, unknown>) => search(agenda, 2, { practitionerIds: null, ...extra });
    const whoWhere = (slots: Slot[]) => new Set(slots.map((s) => `${s.practitionerId}@${s.siteId}`));
    const gps = new Set([`${agenda.gpId}@${agenda.siteId}`, `${agenda.colleagueId}@${agenda.siteId}`]);
    const midwife = new Set([`${midwifeId}@${annexId}`]);

    expect(whoWhere(await offered({}))).toEqual(new Set([...gps, ...midwife]));
    const midwives = await offered({ profession: 'midwife' });
    expect(whoWhere(midwives)).toEqual(midwife);
    expect(midwives.map((s) => s.startsAt)).toEqual(
      ['09:00', '09:20', '09:40'].map((time) => new Date(siteTime(agenda, 2, time)).toISOString()),
    );
    expect(whoWhere(await offered({ profession: 'general_practitioner' }))).toEqual(gps);
    expect(whoWhere(await offered({ siteIds: [annexId] }))).toEqual(midwife);
    expect(whoWhere(await offered({ siteIds: [agenda.siteId] }))).toEqual(gps);
    expect(whoWhere(await offered({ siteIds: [agenda.siteId, annexId] }))).toEqual(new Set([...gps, ...midwife]));
    expect(await offered({ profession: 'midwife', siteIds: [agenda.siteId] })).toEqual([]);
  });

  it('refuses a range at a site of the structure where the practitioner does not work', async () => {
    const agenda = await seedAgenda(scheduling);
    const annex = randomUUID();
    await scheduling
      .get(TransactionRunner)
      .run(() =>
        scheduling
          .get(DirectoryProjection)
          .upsertSite({ siteId: annex, structureId: agenda.structureId, timeZone: 'Europe/Paris' }),
      );
    const range = {
      practitionerId: agenda.gpId,
      siteId: annex,
      weekdays: [1],
      startTime: '09:00',
      endTime: '12:00',
      validFrom: '2026-01-01',
    };
    const result = await scheduling.gql(DEFINE_RANGE, { input: range }, agenda.as.administrator);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.siteId' });
  });
});
