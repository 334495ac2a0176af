import { Injectable } from '@nestjs/common';
import type {
  AppointmentBookedV1,
  AppointmentCancelledV1,
  AppointmentHoldLapsedV1,
  AppointmentRescheduledV1,
} from '@msp/contracts';
import { AppointmentRepository } from '../ports/appointment.repository';
import { WaitlistRepository } from '../ports/waitlist.repository';
import { ReminderScheduler } from '../reminders/reminder-scheduler';
import { WaitlistOfferer } from '../waitlist/waitlist-offerer';

/**
 * What follows an appointment event, inside the transaction that applies it: reminders follow bookings, moves and
 * cancellations (SCH-8); freed time goes to the waitlist, and an offer whose hold lapsed goes to the next patient (SCH-9).
 */
@Injectable()
export class AppointmentFollowUp {
  constructor(
    private readonly reminders: ReminderScheduler,
    private readonly offerer: WaitlistOfferer,
    private readonly waitlist: WaitlistRepository,
    private readonly appointments: AppointmentRepository,
  ) {}

  async booked(booked: AppointmentBookedV1): Promise<void> {
    const { appointmentId, patientId, structureId, siteId, startsAt } = booked;
    await this.reminders.scheduleFor({ appointmentId, patientId, structureId, siteId, startsAt: new Date(startsAt) });
  }

  async cancelled(cancelled: AppointmentCancelledV1): Promise<void> {
    await this.reminders.cancelFor(cancelled.appointmentId);
    const appointment = await this.appointments.findById(cancelled.appointmentId);
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
  async rescheduled(moved: AppointmentRescheduledV1): Promise<void> {
    const { appointmentId, patientId, structureId, siteId, startsAt } = moved;
    await this.reminders.rescheduleFor({ appointmentId, patientId, structureId, siteId, startsAt: new Date(startsAt) });
    await this.offerer.offer({
      structureId,
      siteId: moved.previousSiteId,
      practitionerId: moved.previousPractitionerId,
      startsAt: new Date(moved.previousStartsAt),
      freedByPatientId: patientId,
    });
  }

  async holdLapsed(lapsed: AppointmentHoldLapsedV1): Promise<void> {
    const offer = await this.waitlist.lockOpenOfferByHold(lapsed.appointmentId);
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
