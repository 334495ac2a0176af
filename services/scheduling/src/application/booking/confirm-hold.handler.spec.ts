import {
  bookedAppointment,
  FixedClock,
  IDS,
  immediateTransactions,
  InMemoryAppointments,
  RecordingOutbox,
  structurePatients,
} from '../../../test/fixtures/in-memory-ports';
import { HOLD_LAPSED } from '../../domain/appointment-status';
import { SchedulingErrorCode } from '../../domain/scheduling-error';
import type { Actor } from '../actor';
import { ConfirmHoldHandler } from './confirm-hold.handler';

describe('confirming a hold (ConfirmHoldHandler)', () => {
  const virtualSecretary: Actor = { kind: 'service', service: 'call-routing' };
  const hold = bookedAppointment({
    status: 'held',
    patientId: null,
    holdExpiresAt: new Date('2026-03-02T08:05:00Z'),
    bookedBy: 'virtual_secretary',
  });
  let appointments: InMemoryAppointments;
  let outbox: RecordingOutbox;
  let handler: ConfirmHoldHandler;

  beforeEach(() => {
    const clock = new FixedClock(new Date('2026-03-02T08:00:00Z'));
    appointments = new InMemoryAppointments(clock);
    outbox = new RecordingOutbox();
    handler = new ConfirmHoldHandler(
      immediateTransactions(),
      appointments,
      outbox.asWriter(),
      clock,
      structurePatients([IDS.otherPatient]),
    );
  });

  // async: the handler refuses bad input before it returns a promise.
  const confirm = async (patientId?: string | null) =>
    handler.execute(virtualSecretary, { holdId: hold.id, patientId });

  it('turns a live hold into a confirmed appointment of the patient given, with its events', async () => {
    appointments.add(hold);

    const confirmed = await confirm(IDS.patient);

    expect(confirmed).toMatchObject({ id: hold.id, status: 'confirmed', patientId: IDS.patient, holdExpiresAt: null });
    expect(appointments.get(hold.id)).toMatchObject({ status: 'confirmed', patientId: IDS.patient });
    expect(outbox.types()).toEqual(['scheduling.appointment.confirmed.v1', 'scheduling.appointment.booked.v1']);
    expect(outbox.events[1].data).toMatchObject({ patientId: IDS.patient, bookedBy: 'virtual_secretary' });
  });

  it("refuses another structure's patient as not found on input.patientId, and the hold stays held", async () => {
    appointments.add(hold);

    await expect(confirm(IDS.otherPatient)).rejects.toMatchObject({
      code: SchedulingErrorCode.NotFound,
      field: 'input.patientId',
    });
    expect(appointments.get(hold.id)).toMatchObject({ status: 'held', patientId: null });
    expect(outbox.types()).toEqual([]);
  });

  it('keeps the patient a hold already names when none is given', async () => {
    appointments.add({ ...hold, patientId: IDS.otherPatient });

    await expect(confirm()).resolves.toMatchObject({ patientId: IDS.otherPatient });
  });

  it('refuses a hold that names nobody when no patient is given, naming input.patientId', async () => {
    appointments.add(hold);

    await expect(confirm()).rejects.toMatchObject({
      code: SchedulingErrorCode.InvalidInput,
      field: 'input.patientId',
    });
    expect(appointments.get(hold.id)?.status).toBe('held');
  });

  it.each([
    ['past its expiry, not yet swept', { holdExpiresAt: new Date('2026-03-02T08:00:00Z') }],
    ['already swept', { status: 'cancelled' as const, cancelReason: HOLD_LAPSED, cancelledBy: 'system' }],
  ])('answers HOLD_LAPSED for a hold %s, and writes nothing', async (_state, overrides) => {
    appointments.add({ ...hold, ...overrides });

    await expect(confirm(IDS.patient)).rejects.toMatchObject({ code: SchedulingErrorCode.HoldLapsed });
    expect(appointments.get(hold.id)?.patientId).toBeNull();
    expect(outbox.events).toEqual([]);
  });

  it.each(['booked', 'confirmed', 'cancelled'] as const)('a %s appointment is no hold to confirm', async (status) => {
    appointments.add({ ...hold, status, holdExpiresAt: null, patientId: IDS.patient });

    await expect(confirm(IDS.patient)).rejects.toMatchObject({ code: SchedulingErrorCode.InvalidTransition });
    expect(outbox.events).toEqual([]);
  });
});
