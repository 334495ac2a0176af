import {
  bookedAppointment,
  FixedClock,
  IDS,
  InMemoryAppointments,
  InMemoryWaitlist,
} from '../../../test/fixtures/in-memory-ports';
import type { RemindableAppointment, ReminderScheduler } from '../reminders/reminder-scheduler';
import type { FreedSlot, WaitlistOfferer } from '../waitlist/waitlist-offerer';
import { AppointmentFollowUp } from './appointment-follow-up';

describe('what follows an appointment event: reminders and the waitlist (AppointmentFollowUp)', () => {
  const appointment = bookedAppointment();
  let appointments: InMemoryAppointments;
  let waitlist: InMemoryWaitlist;
  let reminders: { scheduled: RemindableAppointment[]; cancelled: string[]; moved: RemindableAppointment[] };
  let offered: FreedSlot[];
  let followUp: AppointmentFollowUp;

  beforeEach(() => {
    appointments = new InMemoryAppointments(new FixedClock(new Date('2026-03-02T08:00:00Z')));
    waitlist = new InMemoryWaitlist();
    reminders = { scheduled: [], cancelled: [], moved: [] };
    offered = [];
    const scheduler = {
      scheduleFor: async (a: RemindableAppointment) => void reminders.scheduled.push(a),
      cancelFor: async (id: string) => void reminders.cancelled.push(id),
      rescheduleFor: async (a: RemindableAppointment) => void reminders.moved.push(a),
    } as unknown as ReminderScheduler;
    const offerer = {
      offer: async (slot: FreedSlot) => {
        offered.push(slot);
        return null;
      },
    } as unknown as WaitlistOfferer;
    followUp = new AppointmentFollowUp(scheduler, offerer, waitlist, appointments);
  });

  const cancelledEvent = (appointmentId: string) => ({
    appointmentId,
    practitionerId: IDS.gp,
    cancelledBy: 'staff' as const,
    reason: 'patient_request' as const,
    cancelledAt: '2026-03-02T08:00:00.000Z',
  });

  it('a cancelled appointment loses its reminders and its time is offered to the waitlist, not to its own patient', async () => {
    appointments.add({ ...appointment, status: 'cancelled' });

    await followUp.cancelled(cancelledEvent(appointment.id));

    expect(reminders.cancelled).toEqual([appointment.id]);
    expect(offered).toEqual([
      {
        structureId: IDS.structure,
        siteId: IDS.site,
        practitionerId: IDS.gp,
        startsAt: appointment.startsAt,
        freedByPatientId: IDS.patient,
      },
    ]);
  });

  it('a released hold frees nothing for the waitlist (it never was an appointment)', async () => {
    const hold = { ...appointment, status: 'cancelled' as const, holdExpiresAt: new Date('2026-03-02T08:05:00Z') };
    appointments.add(hold);

    await followUp.cancelled(cancelledEvent(hold.id));

    expect(offered).toEqual([]);
  });

  it('a moved appointment keeps reminders at its new time, and the time it left goes to the waitlist', async () => {
    await followUp.rescheduled({
      appointmentId: appointment.id,
      structureId: IDS.structure,
      siteId: IDS.site,
      practitionerId: IDS.colleague,
      patientId: IDS.patient,
      motifId: IDS.motif,
      startsAt: '2026-03-04T09:00:00.000Z',
      endsAt: '2026-03-04T09:20:00.000Z',
      previousSiteId: IDS.otherSite,
      previousPractitionerId: IDS.gp,
      previousStartsAt: '2026-03-03T09:00:00.000Z',
      previousEndsAt: '2026-03-03T09:20:00.000Z',
      rescheduledBy: 'staff',
      rescheduledAt: '2026-03-02T08:00:00.000Z',
    });

    expect(reminders.moved).toEqual([
      expect.objectContaining({ appointmentId: appointment.id, startsAt: new Date('2026-03-04T09:00:00Z') }),
    ]);
    expect(offered).toEqual([
      {
        structureId: IDS.structure,
        siteId: IDS.otherSite,
        practitionerId: IDS.gp,
        startsAt: new Date('2026-03-03T09:00:00Z'),
        freedByPatientId: IDS.patient,
      },
    ]);
  });

  it('an offer whose hold lapsed expires, its patient waits again, and the slot goes to the next one', async () => {
    const entry = await waitlist.insertEntry({
      id: 'ab1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      structureId: IDS.structure,
      patientId: IDS.patient,
      motifId: IDS.motif,
      practitionerId: IDS.gp,
      profession: null,
      before: '2026-04-01',
    });
    await waitlist.setEntryStatus(entry.id, 'offered');
    const offerId = 'bc2d3e4f-5a6b-4c7d-9e8f-0a1b2c3d4e5f';
    await waitlist.insertOffer({
      id: offerId,
      entryId: entry.id,
      holdId: appointment.id,
      practitionerId: IDS.gp,
      siteId: IDS.site,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      expiresAt: new Date('2026-03-02T08:00:00Z'),
    });

    await followUp.holdLapsed({
      appointmentId: appointment.id,
      practitionerId: IDS.gp,
      startsAt: appointment.startsAt.toISOString(),
      endsAt: appointment.endsAt.toISOString(),
      lapsedAt: '2026-03-02T08:00:00.000Z',
    });

    expect(waitlist.offerRows.get(offerId)?.status).toBe('expired');
    expect(waitlist.entryRows.get(entry.id)?.status).toBe('waiting');
    expect(offered).toEqual([
      { structureId: IDS.structure, siteId: IDS.site, practitionerId: IDS.gp, startsAt: appointment.startsAt },
    ]);
  });

  it('a lapsed hold that was no offer changes nothing', async () => {
    await followUp.holdLapsed({
      appointmentId: appointment.id,
      practitionerId: IDS.gp,
      startsAt: appointment.startsAt.toISOString(),
      endsAt: appointment.endsAt.toISOString(),
      lapsedAt: '2026-03-02T08:00:00.000Z',
    });

    expect(offered).toEqual([]);
  });
});
