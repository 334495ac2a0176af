import { ForbiddenError } from '@msp/auth';
import {
  bookedAppointment,
  FixedClock,
  IDS,
  immediateTransactions,
  InMemoryAppointments,
  member,
  RecordingOutbox,
} from '../../../test/fixtures/in-memory-ports';
import { SchedulingErrorCode } from '../../domain/scheduling-error';
import { memberActor, type Actor } from '../actor';
import { CancelAppointmentHandler } from './cancel-appointment.handler';

describe('cancelling an appointment (CancelAppointmentHandler)', () => {
  const now = '2026-03-02T08:00:00.000Z';
  let appointments: InMemoryAppointments;
  let outbox: RecordingOutbox;
  let handler: CancelAppointmentHandler;

  const gp = memberActor(member(IDS.gp, IDS.structure, ['practitioner'], [IDS.site]));
  const secretary = memberActor(member(IDS.secretary, IDS.structure, ['secretary'], [IDS.site]));
  const virtualSecretary: Actor = { kind: 'service', service: 'call-routing' };

  beforeEach(() => {
    const clock = new FixedClock(new Date(now));
    appointments = new InMemoryAppointments(clock);
    outbox = new RecordingOutbox();
    handler = new CancelAppointmentHandler(immediateTransactions(), appointments, outbox.asWriter(), clock);
  });

  // async: the handler refuses bad input before it returns a promise.
  const cancel = async (actor: Actor, overrides: { cancelledBy?: 'patient' | 'staff' | null; reason?: string } = {}) =>
    handler.execute(actor, {
      appointmentId: bookedAppointment().id,
      reason: (overrides.reason ?? 'patient_request') as 'patient_request',
      cancelledBy: overrides.cancelledBy,
    });

  it.each([
    ['its own practitioner', gp, 'practitioner'],
    ['a secretary of the site', secretary, 'staff'],
    ['the virtual secretary', virtualSecretary, 'virtual_secretary'],
  ])('cancelled by %s without saying who asked, it is recorded as cancelled by %s', async (_who, actor, party) => {
    appointments.add(bookedAppointment());

    const cancelled = await cancel(actor);

    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledBy: party, cancelReason: 'patient_request' });
    expect(appointments.get(cancelled.id)).toMatchObject({ status: 'cancelled', cancelledBy: party });
    expect(outbox.events).toEqual([
      {
        type: 'scheduling.appointment.cancelled.v1',
        data: expect.objectContaining({ appointmentId: cancelled.id, cancelledBy: party, cancelledAt: now }),
      },
    ]);
  });

  it('records the party the caller names over the default', async () => {
    appointments.add(bookedAppointment());

    await expect(cancel(secretary, { cancelledBy: 'patient' })).resolves.toMatchObject({ cancelledBy: 'patient' });
  });

  it.each(['held', 'booked', 'confirmed', 'arrived'] as const)('a %s appointment can be cancelled', async (status) => {
    appointments.add(
      bookedAppointment({ status, holdExpiresAt: status === 'held' ? new Date('2026-03-02T09:00:00Z') : null }),
    );

    await expect(cancel(secretary)).resolves.toMatchObject({ status: 'cancelled' });
  });

  it.each(['in_consultation', 'done', 'no_show', 'cancelled'] as const)(
    'a %s appointment cannot be cancelled, and nothing is written',
    async (status) => {
      appointments.add(bookedAppointment({ status }));

      await expect(cancel(secretary)).rejects.toMatchObject({ code: SchedulingErrorCode.InvalidTransition });
      expect(appointments.get(bookedAppointment().id)?.status).toBe(status);
      expect(outbox.events).toEqual([]);
    },
  );

  it('refuses a reason outside the list, naming input.reason, before touching anything', async () => {
    appointments.add(bookedAppointment());

    await expect(cancel(secretary, { reason: 'felt like it' })).rejects.toMatchObject({
      code: SchedulingErrorCode.InvalidInput,
      field: 'input.reason',
    });
    expect(appointments.get(bookedAppointment().id)?.status).toBe('booked');
  });

  it('refuses a secretary who does not work at the appointment’s site', async () => {
    appointments.add(bookedAppointment());
    const elsewhere = memberActor(member(IDS.secretary, IDS.structure, ['secretary'], [IDS.otherSite]));

    await expect(cancel(elsewhere)).rejects.toBeInstanceOf(ForbiddenError);
    expect(appointments.get(bookedAppointment().id)?.status).toBe('booked');
    expect(outbox.events).toEqual([]);
  });

  it('answers not found for an unknown appointment', async () => {
    await expect(cancel(secretary)).rejects.toMatchObject({
      code: SchedulingErrorCode.NotFound,
      field: 'input.appointmentId',
    });
  });
});
