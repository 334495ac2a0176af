import { Injectable } from '@nestjs/common';
import type { EventPayloads } from '@msp/contracts';
import { PresenceRepository } from '../ports/presence.repository';

/**
 * Whether a practitioner is in consultation or absent, from scheduling's events (the practitioner-status condition of
 * the rulebook). Upserts by appointment or absence id: replays are harmless and a completion that arrives before its
 * start still closes the consultation.
 */
@Injectable()
export class PresenceProjection {
  constructor(private readonly presence: PresenceRepository) {}

  consultationStarted(data: EventPayloads['scheduling.appointment.consultation-started.v1']): Promise<void> {
    return this.presence.consultationStarted(data.appointmentId, data.practitionerId, new Date(data.startedAt));
  }

  completed(data: EventPayloads['scheduling.appointment.completed.v1']): Promise<void> {
    return this.presence.consultationEnded(data.appointmentId, data.practitionerId, new Date(data.completedAt));
  }

  noShow(data: EventPayloads['scheduling.appointment.no-show.v1']): Promise<void> {
    return this.presence.consultationEnded(data.appointmentId, data.practitionerId, new Date(data.markedAt));
  }

  cancelled(data: EventPayloads['scheduling.appointment.cancelled.v1']): Promise<void> {
    return this.presence.consultationEnded(data.appointmentId, data.practitionerId, new Date(data.cancelledAt));
  }

  absenceDeclared(data: EventPayloads['scheduling.absence.declared.v1']): Promise<void> {
    return this.presence.absenceDeclared(
      data.absenceId,
      data.practitionerId,
      new Date(data.startsAt),
      new Date(data.endsAt),
    );
  }

  absenceEnded(data: EventPayloads['scheduling.absence.ended.v1']): Promise<void> {
    return this.presence.absenceEnded(data.absenceId, data.practitionerId, new Date(data.endsAt));
  }
}
