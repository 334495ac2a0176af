import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { AppointmentRepository } from '../../infrastructure/repositories/appointment.repository';
import { WaitlistRepository } from '../../infrastructure/repositories/waitlist.repository';
import { ReminderScheduler } from '../reminders/reminder-scheduler';
import { WaitlistOfferer } from '../waitlist/waitlist-offerer';

/**
 * Scheduling's reactions to its own appointment events, inside the inbox transaction (applied once): reminders follow
 * bookings, moves and cancellations (SCH-8); freed time goes to the waitlist, and an offer whose hold lapsed goes to the next
 * patient (SCH-9). One listener per event type, as the inbox wants.
 */
@Injectable()
export class AppointmentEventsListener {
  constructor(
    private readonly reminders: ReminderScheduler,
    private readonly offerer: WaitlistOfferer,
    private readonly waitlist: WaitlistRepository,
    private readonly appointments: AppointmentRepository,
  ) {}

  @HandleEvent('scheduling.appointment.booked.v1')
  async onBooked(event: EventEnvelope<'scheduling.appointment.booked.v1'>): Promise<void> {
    const { appointmentId, patientId, structureId, siteId, startsAt } = event.data;
    await this.reminders.scheduleFor({ appointmentId, patientId, structureId, siteId, startsAt: new Date(startsAt) });
  }

  @HandleEvent('scheduling.appointment.cancelled.v1')
  async onCancelled(event: EventEnvelope<'scheduling.appointment.cancelled.v1'>): Promise<void> {
    await this.reminders.cancelFor(event.data.appointmentId);
    const appointment = await this.appointments.findById(event.data.appointmentId);
    // A released hold never was an appointment: nothing was freed for the waitlist (a declined offer is re-offered by its handler).
    if (!appointment || appointment.holdExpiresAt !== null) return;
    await this.offerer.offer({
      structureId: appointment.structureId,
      siteId: appointment.siteId,
      practitionerId: appointment.practitionerId,
      startsAt: appointment.startsAt,
      freedByPatientId: appointment.patientId,
    });
  }

  /** A move keeps the appointment id: its reminders follow it, and the time it left is freed for the waitlist. */
  @HandleEvent('scheduling.appointment.rescheduled.v1')
  async onRescheduled(event: EventEnvelope<'scheduling.appointment.rescheduled.v1'>): Promise<void> {
    const { appointmentId, patientId, structureId, siteId, startsAt } = event.data;
    await this.reminders.rescheduleFor({ appointmentId, patientId, structureId, siteId, startsAt: new Date(startsAt) });
    await this.offerer.offer({
      structureId,
      siteId: event.data.previousSiteId,
      practitionerId: event.data.previousPractitionerId,
      startsAt: new Date(event.data.previousStartsAt),
      freedByPatientId: patientId,
    });
  }

  @HandleEvent('scheduling.appointment.hold-lapsed.v1')
  async onHoldLapsed(event: EventEnvelope<'scheduling.appointment.hold-lapsed.v1'>): Promise<void> {
    const offer = await this.waitlist.lockOpenOfferByHold(event.data.appointmentId);
    if (!offer) return;
    const entry = await this.waitlist.lockEntry(offer.entryId);
    await this.waitlist.setOfferStatus(offer.id, 'expired');
    if (!entry) return;
    if (entry.status === 'offered') await this.waitlist.setEntryStatus(entry.id, 'waiting');
    await this.offerer.offer({
      structureId: entry.structureId,
      siteId: offer.siteId,
      practitionerId: offer.practitionerId,
      startsAt: offer.startsAt,
    });
  }
}
