import { ForbiddenError } from '@msp/auth';
import {
  bookedAppointment,
  FixedClock,
  IDS,
  immediateTransactions,
  InMemoryAgenda,
  InMemoryAppointments,
  member,
  RecordingOutbox,
} from '../../../test/fixtures/in-memory-ports';
import type { AppointmentStatus } from '../../domain/appointment-status';
import { SchedulingErrorCode } from '../../domain/scheduling-error';
import { memberActor } from '../actor';
import { AppointmentStepRunner } from './appointment-step.runner';
import { CompleteAppointmentHandler } from './complete-appointment.handler';
import { MarkArrivedHandler } from './mark-arrived.handler';
import { MarkNoShowHandler } from './mark-no-show.handler';
import { StartConsultationHandler } from './start-consultation.handler';

describe("an appointment's day: arrived, in consultation, done, no-show (lifecycle handlers)", () => {
  const secretary = memberActor(member(IDS.secretary, IDS.structure, ['secretary'], [IDS.site]));
  const appointment = bookedAppointment(); // 10:00–10:20 Paris time on Tuesday 3 March 2026
  let clock: FixedClock;
  let appointments: InMemoryAppointments;
  let outbox: RecordingOutbox;
  let handlers: {
    arrived: MarkArrivedHandler;
    consultation: StartConsultationHandler;
    done: CompleteAppointmentHandler;
    noShow: MarkNoShowHandler;
  };

  beforeEach(() => {
    clock = new FixedClock(new Date('2026-03-03T08:55:00Z'));
    appointments = new InMemoryAppointments(clock);
    outbox = new RecordingOutbox();
    const agenda = new InMemoryAgenda(
      [{ siteId: IDS.site, structureId: IDS.structure, timeZone: 'Europe/Paris' }],
      [],
      [],
      [],
    );
    const steps = new AppointmentStepRunner(immediateTransactions(), appointments, agenda, clock);
    const writer = outbox.asWriter();
    handlers = {
      arrived: new MarkArrivedHandler(steps, writer),
      consultation: new StartConsultationHandler(steps, writer),
      done: new CompleteAppointmentHandler(steps, writer),
      noShow: new MarkNoShowHandler(steps, writer),
    };
  });

  const given = (status: AppointmentStatus) => appointments.add({ ...appointment, status });
  const input = { appointmentId: appointment.id };

  it('a booked patient arrives, sees the practitioner, and the appointment is done, each step with its event', async () => {
    given('booked');

    await expect(handlers.arrived.execute(secretary, input)).resolves.toMatchObject({ status: 'arrived' });
    await expect(handlers.consultation.execute(secretary, input)).resolves.toMatchObject({
      status: 'in_consultation',
    });
    await expect(handlers.done.execute(secretary, input)).resolves.toMatchObject({ status: 'done' });

    expect(appointments.get(appointment.id)?.status).toBe('done');
    expect(outbox.types()).toEqual([
      'scheduling.appointment.arrived.v1',
      'scheduling.appointment.consultation-started.v1',
      'scheduling.appointment.completed.v1',
    ]);
    expect(outbox.events[0].data).toMatchObject({ patientId: IDS.patient, arrivedAt: '2026-03-03T08:55:00.000Z' });
  });

  it.each([
    ['a consultation cannot start before the patient arrived', 'consultation', 'booked'],
    ['a done appointment cannot be done again', 'done', 'done'],
    ['a no-show cannot arrive', 'arrived', 'no_show'],
    ['a cancelled appointment cannot be marked no-show', 'noShow', 'cancelled'],
    ['an arrived patient cannot be a no-show', 'noShow', 'arrived'],
  ] as const)('%s', async (_rule, step, status) => {
    clock.set('2026-03-03T09:30:00Z');
    given(status);

    await expect(handlers[step].execute(secretary, input)).rejects.toMatchObject({
      code: SchedulingErrorCode.InvalidTransition,
    });
    expect(appointments.get(appointment.id)?.status).toBe(status);
    expect(outbox.events).toEqual([]);
  });

  it('an arrival cannot be recorded before the appointment’s own local day', async () => {
    clock.set('2026-03-02T22:59:00Z'); // 23:59 on Monday in Paris
    given('booked');

    await expect(handlers.arrived.execute(secretary, input)).rejects.toMatchObject({
      code: SchedulingErrorCode.InvalidTransition,
    });
  });

  it('a no-show is refused before the appointment starts, and recorded once it has', async () => {
    given('confirmed');

    await expect(handlers.noShow.execute(secretary, input)).rejects.toMatchObject({
      code: SchedulingErrorCode.InvalidTransition,
    });

    clock.set('2026-03-03T09:05:00Z');
    await expect(handlers.noShow.execute(secretary, input)).resolves.toMatchObject({ status: 'no_show' });
    expect(outbox.types()).toEqual(['scheduling.appointment.no-show.v1']);
  });

  describe('an exam to chase, asked for when completing', () => {
    const gp = memberActor(member(IDS.gp, IDS.structure, ['practitioner'], [IDS.site]));
    const followUp = (dueBy: string, exam = 'biology') => ({ ...input, followUp: { exam, dueBy } });
    beforeEach(() => clock.set('2026-03-03T09:21:00Z'));

    it('is carried by the completion event, for delegation to chase', async () => {
      given('in_consultation');

      await expect(handlers.done.execute(gp, followUp('2026-03-17T09:00:00+01:00', 'imaging'))).resolves.toMatchObject({
        status: 'done',
      });
      expect(outbox.events).toEqual([
        {
          type: 'scheduling.appointment.completed.v1',
          data: expect.objectContaining({
            appointmentId: appointment.id,
            completedAt: '2026-03-03T09:21:00.000Z',
            followUp: { kind: 'exam_to_chase', exam: 'imaging', dueBy: '2026-03-17T08:00:00.000Z' },
          }),
        },
      ]);
    });

    it('is absent from the event of a completion without one', async () => {
      given('in_consultation');

      await handlers.done.execute(gp, input);
      expect(outbox.events[0].data).not.toHaveProperty('followUp');
    });

    it.each([
      ['before the completion', '2026-03-03T09:00:00Z'],
      ['more than 366 days after it', '2027-03-05T09:00:00Z'],
      ['not an instant with an offset', '2026-03-17'],
    ])('is refused when due %s, naming input.followUp.dueBy, and the appointment stays as it was', async (_, dueBy) => {
      given('in_consultation');

      await expect(handlers.done.execute(gp, followUp(dueBy))).rejects.toMatchObject({
        code: SchedulingErrorCode.InvalidInput,
        field: 'input.followUp.dueBy',
      });
      expect(appointments.get(appointment.id)?.status).toBe('in_consultation');
      expect(outbox.events).toEqual([]);
    });

    it('refuses an exam that is not one of the codes', async () => {
      given('in_consultation');

      await expect(handlers.done.execute(gp, followUp('2026-03-17T09:00:00Z', 'tarot'))).rejects.toMatchObject({
        field: 'input.followUp.exam',
      });
      expect(appointments.get(appointment.id)?.status).toBe('in_consultation');
    });

    it('is refused to a member who is not a practitioner, who may still complete without one', async () => {
      given('in_consultation');

      await expect(handlers.done.execute(secretary, followUp('2026-03-17T09:00:00Z'))).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      expect(appointments.get(appointment.id)?.status).toBe('in_consultation');
      expect(outbox.events).toEqual([]);

      await expect(handlers.done.execute(secretary, input)).resolves.toMatchObject({ status: 'done' });
      expect(outbox.types()).toEqual(['scheduling.appointment.completed.v1']);
    });
  });

  it('refuses staff of another site', async () => {
    given('booked');
    const elsewhere = memberActor(member(IDS.secretary, IDS.structure, ['secretary'], [IDS.otherSite]));

    await expect(handlers.arrived.execute(elsewhere, input)).rejects.toBeInstanceOf(ForbiddenError);
    expect(appointments.get(appointment.id)?.status).toBe('booked');
  });
});
