import { ForbiddenError } from '@msp/auth';
import { motif, range } from '../../../test/fixtures/domain-builders';
import {
  bookedAppointment,
  FixedClock,
  IDS,
  immediateTransactions,
  InMemoryAgenda,
  InMemoryAppointments,
  member,
  noMultiSiteRules,
  RecordingOutbox,
} from '../../../test/fixtures/in-memory-ports';
import { SchedulingErrorCode } from '../../domain/scheduling-error';
import { memberActor } from '../actor';
import { BookingContextLoader } from '../booking/booking-context.loader';
import { SlotReservation } from '../booking/slot-reservation';
import { RescheduleAppointmentHandler } from './reschedule-appointment.handler';

describe('rescheduling an appointment (RescheduleAppointmentHandler)', () => {
  const secretary = memberActor(member(IDS.secretary, IDS.structure, ['secretary'], [IDS.site, IDS.otherSite]));
  const appointment = bookedAppointment(); // Tuesday 3 March 2026, 10:00–10:20 in Paris
  const elevenOClock = '2026-03-03T11:00:00+01:00';
  let appointments: InMemoryAppointments;
  let outbox: RecordingOutbox;
  let handler: RescheduleAppointmentHandler;

  beforeEach(() => {
    const clock = new FixedClock(new Date('2026-03-02T08:00:00Z'));
    const everyDay = { weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '08:00', endTime: '18:00' };
    const agenda = new InMemoryAgenda(
      [
        { siteId: IDS.site, structureId: IDS.structure, timeZone: 'Europe/Paris' },
        { siteId: IDS.otherSite, structureId: IDS.structure, timeZone: 'Europe/Paris' },
        { siteId: IDS.foreignSite, structureId: IDS.otherStructure, timeZone: 'Europe/Paris' },
      ],
      [],
      [motif({ id: IDS.motif, structureId: IDS.structure, durationMinutes: 20 })],
      [
        range({ ...everyDay, structureId: IDS.structure, practitionerId: IDS.gp, siteId: IDS.site }),
        range({ ...everyDay, structureId: IDS.structure, practitionerId: IDS.colleague, siteId: IDS.site }),
      ],
    );
    appointments = new InMemoryAppointments(clock);
    outbox = new RecordingOutbox();
    const writer = outbox.asWriter();
    handler = new RescheduleAppointmentHandler(
      immediateTransactions(),
      appointments,
      new BookingContextLoader(agenda, clock, noMultiSiteRules()),
      new SlotReservation(appointments, writer, { attempt: (work) => work() }),
      writer,
    );
    appointments.add(appointment);
  });

  it('moves the appointment to the new time, keeping its id, patient and motif, and says where it was', async () => {
    const moved = await handler.execute(secretary, { appointmentId: appointment.id, startsAt: elevenOClock });

    const expected = { startsAt: new Date('2026-03-03T10:00:00Z'), endsAt: new Date('2026-03-03T10:20:00Z') };
    expect(moved).toMatchObject({ id: appointment.id, patientId: IDS.patient, motifId: IDS.motif, ...expected });
    expect(appointments.get(appointment.id)).toMatchObject(expected);
    expect(outbox.events).toEqual([
      {
        type: 'scheduling.appointment.rescheduled.v1',
        data: expect.objectContaining({
          appointmentId: appointment.id,
          startsAt: '2026-03-03T10:00:00.000Z',
          previousStartsAt: '2026-03-03T09:00:00.000Z',
          previousPractitionerId: IDS.gp,
          rescheduledBy: 'staff',
        }),
      },
    ]);
  });

  it('moves it to a colleague of the same site when asked', async () => {
    const moved = await handler.execute(secretary, {
      appointmentId: appointment.id,
      startsAt: elevenOClock,
      practitionerId: IDS.colleague,
    });

    expect(moved.practitionerId).toBe(IDS.colleague);
    expect(outbox.events[0].data).toMatchObject({ practitionerId: IDS.colleague, previousPractitionerId: IDS.gp });
  });

  it('refuses the time it already has, naming input.startsAt', async () => {
    await expect(
      handler.execute(secretary, { appointmentId: appointment.id, startsAt: '2026-03-03T10:00:00+01:00' }),
    ).rejects.toMatchObject({ code: SchedulingErrorCode.InvalidInput, field: 'input.startsAt' });
    expect(outbox.events).toEqual([]);
  });

  it.each(['arrived', 'held', 'done', 'cancelled'] as const)('a %s appointment does not move', async (status) => {
    appointments.add({ ...appointment, status });

    await expect(
      handler.execute(secretary, { appointmentId: appointment.id, startsAt: elevenOClock }),
    ).rejects.toMatchObject({ code: SchedulingErrorCode.InvalidTransition });
    expect(appointments.get(appointment.id)?.startsAt).toEqual(appointment.startsAt);
  });

  it("treats another structure's site as unknown", async () => {
    await expect(
      handler.execute(secretary, { appointmentId: appointment.id, startsAt: elevenOClock, siteId: IDS.foreignSite }),
    ).rejects.toMatchObject({ code: SchedulingErrorCode.NotFound, field: 'input.siteId' });
  });

  it('lapses an expired hold in the way (with its event) and takes the time', async () => {
    const hold = bookedAppointment({
      id: 'dd7b0d8f-9a2e-4b1f-8e5d-8a9b0c1d2e3f',
      status: 'held',
      patientId: null,
      startsAt: new Date('2026-03-03T10:00:00Z'),
      endsAt: new Date('2026-03-03T10:20:00Z'),
      holdExpiresAt: new Date('2026-03-02T07:55:00Z'),
    });
    appointments.add(hold);

    await handler.execute(secretary, { appointmentId: appointment.id, startsAt: elevenOClock });

    expect(appointments.get(hold.id)?.status).toBe('cancelled');
    expect(outbox.types()).toEqual(['scheduling.appointment.hold-lapsed.v1', 'scheduling.appointment.rescheduled.v1']);
  });

  it('answers SLOT_TAKEN when a live appointment holds the new time, and leaves the appointment where it was', async () => {
    appointments.add(
      bookedAppointment({
        id: 'ee8c1e9a-0b3f-4c2a-9f6e-9b0c1d2e3f4a',
        patientId: IDS.otherPatient,
        startsAt: new Date('2026-03-03T10:00:00Z'),
        endsAt: new Date('2026-03-03T10:20:00Z'),
      }),
    );

    await expect(
      handler.execute(secretary, { appointmentId: appointment.id, startsAt: elevenOClock }),
    ).rejects.toMatchObject({ code: SchedulingErrorCode.SlotTaken });
    expect(appointments.get(appointment.id)?.startsAt).toEqual(appointment.startsAt);
  });

  it('refuses a secretary who does not work at the appointment’s site', async () => {
    const elsewhere = memberActor(member(IDS.secretary, IDS.structure, ['secretary'], [IDS.otherSite]));

    await expect(
      handler.execute(elsewhere, { appointmentId: appointment.id, startsAt: elevenOClock }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
