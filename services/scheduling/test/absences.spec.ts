import { DECLARE_ABSENCE, FREE_SLOTS } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

const END_ABSENCE = `mutation($input: EndAbsenceInput!) { endAbsence(input: $input) { id startsAt endsAt } }`;

describe('ending an absence early', () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_absences');
    agenda = await seedAgenda(scheduling);
  });

  afterAll(() => scheduling?.stop());

  const day = (days: number) => siteTime(agenda, days, '12:00').slice(0, 10);
  const freeStarts = async (days: number) =>
    (
      await scheduling.ok<{ freeSlots: Array<{ startsAt: string }> }>(
        FREE_SLOTS,
        { input: { motifId: agenda.motifId, from: day(days), to: day(days), practitionerIds: [agenda.gpId] } },
        agenda.as.secretary,
      )
    ).freeSlots.map((s) => s.startsAt);
  const declare = async (days: number, from: string, to: string) =>
    (
      await scheduling.ok<{ declareAbsence: { id: string } }>(
        DECLARE_ABSENCE,
        {
          input: {
            structureId: agenda.structureId,
            practitionerId: agenda.gpId,
            kind: 'ABSENCE',
            startsAt: siteTime(agenda, days, from),
            endsAt: siteTime(agenda, days, to),
          },
        },
        agenda.as.secretary,
      )
    ).declareAbsence.id;

  it('gives the rest of the absence back to the agenda and tells the other services', async () => {
    const absenceId = await declare(6, '08:00', '18:00');
    expect(await freeStarts(6)).toEqual([]);

    const back = siteTime(agenda, 6, '14:00');
    const { endAbsence } = await scheduling.ok<{ endAbsence: { endsAt: string } }>(
      END_ABSENCE,
      { input: { absenceId, endsAt: back } },
      agenda.as.secretary,
    );
    expect(endAbsence.endsAt).toBe(new Date(back).toISOString());
    const starts = await freeStarts(6);
    expect(starts[0]).toBe(new Date(back).toISOString());
    expect(starts).toHaveLength(12);
    expect(
      (await scheduling.events('scheduling.absence.ended.v1')).find((e) => e.absenceId === absenceId),
    ).toMatchObject({
      practitionerId: agenda.gpId,
      endsAt: new Date(back).toISOString(),
    });
  });

  it('withdraws an absence ended before it began: the whole day is bookable again and the services are told', async () => {
    const absenceId = await declare(9, '08:00', '18:00');
    expect(await freeStarts(9)).toEqual([]);

    const { endAbsence } = await scheduling.ok<{ endAbsence: { id: string; startsAt: string; endsAt: string } }>(
      END_ABSENCE,
      { input: { absenceId } },
      agenda.as.secretary,
    );
    const startsAt = new Date(siteTime(agenda, 9, '08:00')).toISOString();
    expect(endAbsence).toEqual({ id: absenceId, startsAt, endsAt: startsAt });
    expect(await scheduling.sql('select 1 from schedule_exception where id = $1', [absenceId])).toEqual([]);
    expect(await freeStarts(9)).toHaveLength(30);
    expect((await scheduling.events('scheduling.absence.ended.v1')).filter((e) => e.absenceId === absenceId)).toEqual([
      expect.objectContaining({ practitionerId: agenda.gpId, endsAt: startsAt }),
    ]);
  });

  it('refuses an end that is not earlier than the declared one, naming the field, and changes nothing', async () => {
    const absenceId = await declare(7, '08:00', '12:00');
    const result = await scheduling.gql(
      END_ABSENCE,
      { input: { absenceId, endsAt: siteTime(agenda, 7, '13:00') } },
      agenda.as.secretary,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
    const [row] = await scheduling.sql<{ ends_at: Date }>('select ends_at from schedule_exception where id = $1', [
      absenceId,
    ]);
    expect(row.ends_at.toISOString()).toBe(new Date(siteTime(agenda, 7, '12:00')).toISOString());
    expect((await scheduling.events('scheduling.absence.ended.v1')).filter((e) => e.absenceId === absenceId)).toEqual(
      [],
    );
  });

  it('lets nobody outside the structure end it', async () => {
    const absenceId = await declare(8, '08:00', '12:00');
    const outsider = {
      memberId: agenda.as.secretary.memberId,
      memberships: [
        { structureId: '00000000-0000-4000-8000-000000000001', roles: ['secretary' as const], siteIds: [] },
      ],
    };
    const result = await scheduling.gql(END_ABSENCE, { input: { absenceId } }, outsider);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.absenceId' });
  });
});
