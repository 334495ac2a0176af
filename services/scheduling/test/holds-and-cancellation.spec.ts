import { HoldSweeper } from '../src/application/booking/hold-sweeper';
import { BOOK, CANCEL, CONFIRM, FREE_SLOTS, HOLD } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

describe('holds, confirmation and cancellation free or take the time as they should', () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;
  let day = 6;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_holds');
    agenda = await seedAgenda(scheduling);
  });

  afterAll(() => scheduling?.stop());

  /** A fresh slot on another day for each test. */
  const slot = (time = '09:00') => ({
    practitionerId: agenda.gpId,
    siteId: agenda.siteId,
    motifId: agenda.motifId,
    startsAt: siteTime(agenda, day, time),
  });
  beforeEach(() => day++);

  const expire = (id: string) =>
    scheduling.sql(`update appointment set hold_expires_at = now() - interval '1 second' where id = $1`, [id]);
  const hold = async () =>
    (
      await scheduling.ok<{ holdSlot: { id: string; status: string; holdExpiresAt: string } }>(
        HOLD,
        { input: slot() },
        agenda.as.secretary,
      )
    ).holdSlot;

  it('a live hold takes the slot; confirming it books the patient and records held, confirmed and booked', async () => {
    const held = await hold();
    expect(held.status).toBe('HELD');
    expect(new Date(held.holdExpiresAt).getTime() - Date.now()).toBeGreaterThan(250_000);
    const clash = await scheduling.gql(
      BOOK,
      { input: { ...slot(), patientId: agenda.patientId } },
      agenda.as.secretary,
    );
    expect(clash.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SCHEDULING.SLOT_TAKEN' });
    const { confirmHold } = await scheduling.ok<{ confirmHold: { status: string; patientId: string } }>(
      CONFIRM,
      { input: { holdId: held.id, patientId: agenda.patientId } },
      agenda.as.secretary,
    );
    expect(confirmHold).toEqual({ id: held.id, status: 'CONFIRMED', patientId: agenda.patientId });
    expect((await scheduling.events('scheduling.appointment.held.v1')).map((e) => e.appointmentId)).toContain(held.id);
    expect(await scheduling.events('scheduling.appointment.confirmed.v1')).toEqual(
      expect.arrayContaining([expect.objectContaining({ appointmentId: held.id, patientId: agenda.patientId })]),
    );
    expect(await scheduling.events('scheduling.appointment.booked.v1')).toEqual(
      expect.arrayContaining([expect.objectContaining({ appointmentId: held.id, bookedBy: 'staff' })]),
    );
  });

  it('a lapsed hold frees the slot: a booking takes it, the hold is cancelled as lapsed, and it can no longer be confirmed', async () => {
    const held = await hold();
    await expire(held.id);
    const { bookAppointment } = await scheduling.ok<{ bookAppointment: { id: string } }>(
      BOOK,
      { input: { ...slot(), patientId: agenda.patientId } },
      agenda.as.secretary,
    );
    expect(bookAppointment.id).not.toBe(held.id);
    const [row] = await scheduling.sql<{ status: string; cancel_reason: string }>(
      `select status, cancel_reason from appointment where id = $1`,
      [held.id],
    );
    expect(row).toEqual({ status: 'cancelled', cancel_reason: 'hold_lapsed' });
    expect((await scheduling.events('scheduling.appointment.hold-lapsed.v1')).map((e) => e.appointmentId)).toContain(
      held.id,
    );
    const late = await scheduling.gql(
      CONFIRM,
      { input: { holdId: held.id, patientId: agenda.patientId } },
      agenda.as.secretary,
    );
    expect(late.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SCHEDULING.HOLD_LAPSED',
      field: 'input.holdId',
    });
  });

  it('an expired hold is not offered as busy, and confirming it past expiry is refused', async () => {
    const held = await hold();
    const search = {
      motifId: agenda.motifId,
      from: slot().startsAt.slice(0, 10),
      to: slot().startsAt.slice(0, 10),
      practitionerIds: [agenda.gpId],
    };
    const starts = async () =>
      (
        await scheduling.ok<{ freeSlots: Array<{ startsAt: string }> }>(
          FREE_SLOTS,
          { input: search },
          agenda.as.secretary,
        )
      ).freeSlots.map((s) => s.startsAt);
    const heldAt = new Date(slot().startsAt).toISOString();
    expect(await starts()).not.toContain(heldAt);
    await expire(held.id);
    expect(await starts()).toContain(heldAt);
    const late = await scheduling.gql(
      CONFIRM,
      { input: { holdId: held.id, patientId: agenda.patientId } },
      agenda.as.secretary,
    );
    expect(late.errors?.[0].extensions?.reason).toBe('SCHEDULING.HOLD_LAPSED');
  });

  it('the sweeper lapses expired holds in the background, with their events', async () => {
    const held = await hold();
    await expire(held.id);
    expect(await scheduling.get(HoldSweeper).sweep()).toBeGreaterThanOrEqual(1);
    const [row] = await scheduling.sql<{ status: string }>(`select status from appointment where id = $1`, [held.id]);
    expect(row.status).toBe('cancelled');
    expect(
      (await scheduling.events('scheduling.appointment.hold-lapsed.v1')).filter((e) => e.appointmentId === held.id),
    ).toHaveLength(1);
  });

  it('confirming needs a patient when the hold names none', async () => {
    const held = await hold();
    const result = await scheduling.gql(CONFIRM, { input: { holdId: held.id } }, agenda.as.secretary);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.patientId' });
  });

  it('cancelling frees the slot at once and says who and why', async () => {
    const input = { ...slot(), patientId: agenda.patientId };
    const { bookAppointment } = await scheduling.ok<{ bookAppointment: { id: string } }>(
      BOOK,
      { input },
      agenda.as.secretary,
    );
    const { cancelAppointment } = await scheduling.ok<{ cancelAppointment: Record<string, unknown> }>(
      CANCEL,
      { input: { appointmentId: bookAppointment.id, reason: 'PATIENT_REQUEST', cancelledBy: 'PATIENT' } },
      agenda.as.secretary,
    );
    expect(cancelAppointment).toEqual({
      id: bookAppointment.id,
      status: 'CANCELLED',
      cancelledBy: 'patient',
      cancelReason: 'patient_request',
    });
    await expect(scheduling.ok(BOOK, { input }, agenda.as.secretary)).resolves.toBeDefined();
    const cancelled = (await scheduling.events('scheduling.appointment.cancelled.v1')).find(
      (e) => e.appointmentId === bookAppointment.id,
    );
    expect(cancelled).toMatchObject({
      cancelledBy: 'patient',
      reason: 'patient_request',
      structureId: agenda.structureId,
      startsAt: new Date(input.startsAt).toISOString(),
    });
  });

  it('a practitioner cancelling their own appointment is recorded as the practitioner; a cancelled one cannot be cancelled twice', async () => {
    const { bookAppointment } = await scheduling.ok<{ bookAppointment: { id: string } }>(
      BOOK,
      { input: { ...slot(), patientId: agenda.patientId } },
      agenda.as.practitioner,
    );
    const { cancelAppointment } = await scheduling.ok<{ cancelAppointment: { cancelledBy: string } }>(
      CANCEL,
      { input: { appointmentId: bookAppointment.id, reason: 'PRACTITIONER_ABSENT' } },
      agenda.as.practitioner,
    );
    expect(cancelAppointment.cancelledBy).toBe('practitioner');
    const again = await scheduling.gql(
      CANCEL,
      { input: { appointmentId: bookAppointment.id, reason: 'OTHER' } },
      agenda.as.practitioner,
    );
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SCHEDULING.INVALID_TRANSITION' });
  });
});
