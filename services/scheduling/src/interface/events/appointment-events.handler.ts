import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { AppointmentFollowUp } from '../../application/follow-up/appointment-follow-up';

/** Scheduling's own appointment events, followed up inside the inbox transaction (applied once). */
@Injectable()
export class AppointmentEventsHandler {
  constructor(private readonly followUp: AppointmentFollowUp) {}

  @HandleEvent('scheduling.appointment.booked.v1')
  async onBooked(event: EventEnvelope<'scheduling.appointment.booked.v1'>): Promise<void> {
    await this.followUp.booked(event.data);
  }

  @HandleEvent('scheduling.appointment.cancelled.v1')
  async onCancelled(event: EventEnvelope<'scheduling.appointment.cancelled.v1'>): Promise<void> {
    await this.followUp.cancelled(event.data);
  }

  @HandleEvent('scheduling.appointment.rescheduled.v1')
  async onRescheduled(event: EventEnvelope<'scheduling.appointment.rescheduled.v1'>): Promise<void> {
    await this.followUp.rescheduled(event.data);
  }

  @HandleEvent('scheduling.appointment.hold-lapsed.v1')
  async onHoldLapsed(event: EventEnvelope<'scheduling.appointment.hold-lapsed.v1'>): Promise<void> {
    await this.followUp.holdLapsed(event.data);
  }
}
