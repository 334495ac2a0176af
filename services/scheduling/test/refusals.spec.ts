import { randomUUID } from 'node:crypto';
import { AGENDA_DAY } from './fixtures/agenda-operations';
import { BOOK, CREATE_MOTIF, DECLARE_ABSENCE, DEFINE_RANGE, FREE_SLOTS, HOLD } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

describe('bad input is refused naming the field, with nothing written', () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_refusals');
    agenda = await seedAgenda(scheduling);
  });

  afterAll(() => scheduling?.stop());

  async function counts() {
    const [row] = await scheduling.sql<Record<string, string>>(
      `select (select count(*) from motif) motifs, (select count(*) from opening_range) ranges, (select count(*) from schedule_exception) exceptions,
              (select count(*) from appointment) appointments, (select count(*) from outbox_message) events`,
    );
    return row;
  }

  async function refused(
    operation: string,
    variables: Record<string, unknown>,
    field: string,
    code = 'BAD_USER_INPUT',
  ) {
    const before = await counts();
    const result = await scheduling.gql(operation, variables, agenda.as.secretary);
    expect(result.errors?.[0].extensions).toMatchObject({ code, field });
    expect(result.errors?.[0].message).toContain(field);
    expect(await counts()).toEqual(before);
    return result.errors?.[0];
  }

  const range = (overrides: Record<string, unknown> = {}) => ({
    input: {
      practitionerId: agenda.gpId,
      siteId: agenda.siteId,
      weekdays: [1],
      startTime: '09:00',
      endTime: '12:00',
      validFrom: '2026-01-01',
      ...overrides,
    },
  });
  const booking = (overrides: Record<string, unknown> = {}) => ({
    input: {
      practitionerId: agenda.gpId,
      siteId: agenda.siteId,
      motifId: agenda.motifId,
      patientId: agenda.patientId,
      startsAt: siteTime(agenda, 5, '10:00'),
      ...overrides,
    },
  });

  it('an opening range ending before it starts', async () => {
    const error = await refused(DEFINE_RANGE, range({ startTime: '12:00', endTime: '09:00' }), 'input.endTime');
    expect(error?.message).toMatch(/must be after startTime/);
  });

  it('an opening range with a malformed RRULE, or an unknown motif', async () => {
    await refused(DEFINE_RANGE, range({ weekdays: null, recurrence: 'FREQ=WEEKLY;BYHOUR=9' }), 'input.recurrence');
    await refused(DEFINE_RANGE, range({ motifIds: [randomUUID()] }), 'input.motifIds[0]');
  });

  it('an opening range at a site the practitioner does not work at, or an unknown site', async () => {
    await refused(DEFINE_RANGE, range({ siteId: randomUUID() }), 'input.siteId', 'NOT_FOUND');
  });

  it('a motif without duration', async () => {
    const input = {
      structureId: agenda.structureId,
      label: 'Vide',
      durationMinutes: 0,
      channel: 'CABINET',
      bookableBy: ['STAFF'],
      newPatientsAllowed: true,
    };
    const before = await counts();
    const result = await scheduling.gql(CREATE_MOTIF, { input }, agenda.as.administrator);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.durationMinutes' });
    expect(await counts()).toEqual(before);
  });

  it('a booking with an unknown motif', async () => {
    await refused(BOOK, booking({ motifId: randomUUID() }), 'input.motifId', 'NOT_FOUND');
  });

  it('a booking outside the opening ranges', async () => {
    const error = await refused(BOOK, booking({ startsAt: siteTime(agenda, 5, '19:00') }), 'input.startsAt');
    expect(error?.message).toMatch(/outside the practitioner's opening ranges/);
    await refused(BOOK, booking({ startsAt: siteTime(agenda, 5, '17:50') }), 'input.startsAt'); // would end at 18:10
  });

  it('a booking in the past', async () => {
    const error = await refused(BOOK, booking({ startsAt: siteTime(agenda, -1, '10:00') }), 'input.startsAt');
    expect(error?.message).toMatch(/in the past/);
  });

  it('a booking at a time without an offset, or with a malformed id', async () => {
    await refused(BOOK, booking({ startsAt: '2026-12-01T10:00:00' }), 'input.startsAt');
    await refused(BOOK, booking({ patientId: 'Martin' }), 'input.patientId');
    await refused(
      HOLD,
      { input: { ...booking().input, patientId: undefined, practitionerId: 'p1' } },
      'input.practitionerId',
    );
  });

  it('a booking or a hold at a far-future or impossible instant (never an internal error)', async () => {
    const error = await refused(BOOK, booking({ startsAt: '9999-12-31T23:59:59Z' }), 'input.startsAt');
    expect(error?.message).toMatch(/out of range/);
    await refused(
      HOLD,
      { input: { ...booking().input, patientId: undefined, startsAt: '9999-12-31T23:59:59Z' } },
      'input.startsAt',
    );
    await refused(BOOK, booking({ startsAt: '2026-02-30T10:00:00+01:00' }), 'input.startsAt');
  });

  it('text PostgreSQL cannot store (a NUL byte) in a motif label or a profession filter', async () => {
    const input = {
      structureId: agenda.structureId,
      label: 'Consultation\u0000',
      durationMinutes: 15,
      channel: 'CABINET',
      bookableBy: ['STAFF'],
      newPatientsAllowed: true,
    };
    const before = await counts();
    const result = await scheduling.gql(CREATE_MOTIF, { input }, agenda.as.administrator);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SCHEDULING.INVALID_INPUT',
      field: 'input.label',
    });
    expect(await counts()).toEqual(before);
    const day = await scheduling.gql(
      AGENDA_DAY,
      { structureId: agenda.structureId, date: '2026-12-01', profession: 'nurse\u0000' },
      agenda.as.secretary,
    );
    expect(day.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'profession' });
  });

  it('a booking during an absence', async () => {
    await scheduling.ok(
      DECLARE_ABSENCE,
      {
        input: {
          structureId: agenda.structureId,
          practitionerId: agenda.gpId,
          kind: 'TRAINING',
          startsAt: siteTime(agenda, 20, '08:00'),
          endsAt: siteTime(agenda, 20, '18:00'),
        },
      },
      agenda.as.secretary,
    );
    const error = await refused(BOOK, booking({ startsAt: siteTime(agenda, 20, '10:00') }), 'input.startsAt');
    expect(error?.message).toMatch(/not available/);
  });

  it('an absence ending before it starts', async () => {
    const input = {
      structureId: agenda.structureId,
      practitionerId: agenda.gpId,
      kind: 'ABSENCE',
      startsAt: siteTime(agenda, 3, '12:00'),
      endsAt: siteTime(agenda, 3, '08:00'),
    };
    await refused(DECLARE_ABSENCE, { input }, 'input.endsAt');
  });

  it('a slot search ending before it starts, or spanning too long', async () => {
    await refused(FREE_SLOTS, { input: { motifId: agenda.motifId, from: '2026-12-10', to: '2026-12-01' } }, 'input.to');
    await refused(FREE_SLOTS, { input: { motifId: agenda.motifId, from: '2026-01-01', to: '2026-12-31' } }, 'input.to');
    await refused(
      FREE_SLOTS,
      { input: { motifId: agenda.motifId, from: '01/12/2026', to: '2026-12-31' } },
      'input.from',
    );
  });
});
