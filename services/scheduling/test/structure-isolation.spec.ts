import { APPOINTMENT, APPOINTMENTS, BOOK, CANCEL, DEFINE_RANGE, FREE_SLOTS, HOLD, MOTIFS } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

describe('a member of another structure sees nothing and changes nothing', () => {
  let scheduling: SchedulingTestApp;
  let msp: SeededAgenda;
  let other: SeededAgenda;
  let appointmentId: string;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_isolation');
    msp = await seedAgenda(scheduling);
    other = await seedAgenda(scheduling);
    const input = {
      practitionerId: msp.gpId,
      siteId: msp.siteId,
      motifId: msp.motifId,
      patientId: msp.patientId,
      startsAt: siteTime(msp, 4, '11:00'),
    };
    appointmentId = (await scheduling.ok<{ bookAppointment: { id: string } }>(BOOK, { input }, msp.as.secretary))
      .bookAppointment.id;
  });

  afterAll(() => scheduling?.stop());

  const codeOf = async (query: string, variables: Record<string, unknown>) =>
    (await scheduling.gql(query, variables, other.as.secretary)).errors?.[0].extensions?.code;
  const window = () => ({
    structureId: msp.structureId,
    from: siteTime(msp, 0, '00:00'),
    to: siteTime(msp, 30, '00:00'),
  });

  it('reads: motifs, slots, agendas and appointments of another structure are not found, as if they did not exist', async () => {
    expect(await codeOf(MOTIFS, { structureId: msp.structureId })).toBe('NOT_FOUND');
    expect(
      await codeOf(FREE_SLOTS, {
        input: {
          motifId: msp.motifId,
          from: siteTime(msp, 1, '00:00').slice(0, 10),
          to: siteTime(msp, 2, '00:00').slice(0, 10),
        },
      }),
    ).toBe('NOT_FOUND');
    expect(await codeOf(APPOINTMENTS, { filter: window() })).toBe('NOT_FOUND');
    expect(await codeOf(APPOINTMENT, { id: appointmentId })).toBe('NOT_FOUND');
  });

  it('writes: booking, holding, cancelling and defining ranges find nothing there, and nothing is written', async () => {
    const [before] = await scheduling.sql<{ n: string }>(`select count(*) n from outbox_message`);
    const slot = {
      practitionerId: msp.gpId,
      siteId: msp.siteId,
      motifId: msp.motifId,
      startsAt: siteTime(msp, 4, '15:00'),
    };
    expect(await codeOf(BOOK, { input: { ...slot, patientId: other.patientId } })).toBe('NOT_FOUND');
    expect(await codeOf(HOLD, { input: slot })).toBe('NOT_FOUND');
    expect(await codeOf(CANCEL, { input: { appointmentId, reason: 'OTHER' } })).toBe('NOT_FOUND');
    const range = {
      practitionerId: msp.gpId,
      siteId: msp.siteId,
      weekdays: [1],
      startTime: '09:00',
      endTime: '10:00',
      validFrom: '2026-01-01',
    };
    expect(await codeOf(DEFINE_RANGE, { input: range })).toBe('NOT_FOUND');
    const [after] = await scheduling.sql<{ n: string }>(`select count(*) n from outbox_message`);
    expect(after.n).toBe(before.n);
    const [row] = await scheduling.sql<{ status: string }>(`select status from appointment where id = $1`, [
      appointmentId,
    ]);
    expect(row.status).toBe('booked');
  });

  it('a booking with a motif of another structure finds no such motif', async () => {
    const input = {
      practitionerId: msp.gpId,
      siteId: msp.siteId,
      motifId: other.motifId,
      patientId: msp.patientId,
      startsAt: siteTime(msp, 4, '16:00'),
    };
    const result = await scheduling.gql(BOOK, { input }, msp.as.secretary);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.motifId' });
  });

  it('inside the structure: colleagues see the busy time but not the patient; the practitioner and site staff do', async () => {
    const seen = async (user: typeof msp.as.secretary) =>
      (
        await scheduling.ok<{ appointments: Array<{ id: string; patientId: string | null }> }>(
          APPOINTMENTS,
          { filter: window() },
          user,
        )
      ).appointments.find((a) => a.id === appointmentId);
    expect((await seen(msp.as.secretary))?.patientId).toBe(msp.patientId);
    expect((await seen(msp.as.practitioner))?.patientId).toBe(msp.patientId);
    expect((await seen(msp.as.coordinator))?.patientId).toBeNull();
    expect((await seen(msp.as.administrator))?.patientId).toBeNull();
  });

  it('a medical assistant may book, a coordinator may not; nobody books without a signed user context', async () => {
    const slot = {
      practitionerId: msp.gpId,
      siteId: msp.siteId,
      motifId: msp.motifId,
      patientId: msp.patientId,
      startsAt: siteTime(msp, 4, '17:00'),
    };
    expect((await scheduling.gql(BOOK, { input: slot }, msp.as.coordinator)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await scheduling.gql(BOOK, { input: slot })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await expect(scheduling.ok(BOOK, { input: slot }, msp.as.medical_assistant)).resolves.toBeDefined();
  });
});
