import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { PresenceProjection } from '../../application/projections/presence-projection';

/** Scheduling's consultation and absence facts: who is in consultation or absent when a call comes. */
@Injectable()
export class SchedulingEventsHandler {
  constructor(private readonly presence: PresenceProjection) {}

  @HandleEvent('scheduling.appointment.consultation-started.v1')
  onConsultationStarted(event: EventEnvelope<'scheduling.appointment.consultation-started.v1'>): Promise<void> {
    return this.presence.consultationStarted(event.data);
  }

  @HandleEvent('scheduling.appointment.completed.v1')
  onCompleted(event: EventEnvelope<'scheduling.appointment.completed.v1'>): Promise<void> {
    return this.presence.completed(event.data);
  }

  @HandleEvent('scheduling.appointment.no-show.v1')
  onNoShow(event: EventEnvelope<'scheduling.appointment.no-show.v1'>): Promise<void> {
    return this.presence.noShow(event.data);
  }

  @HandleEvent('scheduling.appointment.cancelled.v1')
  onCancelled(event: EventEnvelope<'scheduling.appointment.cancelled.v1'>): Promise<void> {
    return this.presence.cancelled(event.data);
  }

  @HandleEvent('scheduling.absence.declared.v1')
  onAbsenceDeclared(event: EventEnvelope<'scheduling.absence.declared.v1'>): Promise<void> {
    return this.presence.absenceDeclared(event.data);
  }

  @HandleEvent('scheduling.absence.ended.v1')
  onAbsenceEnded(event: EventEnvelope<'scheduling.absence.ended.v1'>): Promise<void> {
    return this.presence.absenceEnded(event.data);
  }
}
