import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { ActivityProjection } from '../../application/projections/activity-projection';

/** Appointments done, missed or cancelled: consultations held and the no-show rate. */
@Injectable()
export class SchedulingEventsHandler {
  constructor(private readonly projection: ActivityProjection) {}

  @HandleEvent('scheduling.appointment.completed.v1')
  onCompleted(event: EventEnvelope<'scheduling.appointment.completed.v1'>): Promise<void> {
    return this.projection.appointmentEnded(event.data, 'completed', event.data.completedAt);
  }

  @HandleEvent('scheduling.appointment.no-show.v1')
  onNoShow(event: EventEnvelope<'scheduling.appointment.no-show.v1'>): Promise<void> {
    return this.projection.appointmentEnded(event.data, 'no_show', event.data.markedAt);
  }

  @HandleEvent('scheduling.appointment.cancelled.v1')
  onCancelled(event: EventEnvelope<'scheduling.appointment.cancelled.v1'>): Promise<void> {
    return this.projection.appointmentCancelled(event.data);
  }
}
