import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { ActivityProjection } from '../../application/projections/activity-projection';
import { AciProjection } from '../../application/projections/aci-projection';

/**
 * Meetings held, whether their attendance met the pluriprofessional rule, decisions naming a protocol, and the cases
 * reviewed (the ACI's concertation criterion).
 */
@Injectable()
export class CoordinationEventsHandler {
  constructor(
    private readonly projection: ActivityProjection,
    private readonly aci: AciProjection,
  ) {}

  @HandleEvent('coordination.meeting.held.v1')
  onHeld(event: EventEnvelope<'coordination.meeting.held.v1'>): Promise<void> {
    return this.projection.meetingHeld(event.data);
  }

  @HandleEvent('coordination.attendance.recorded.v1')
  onAttendance(event: EventEnvelope<'coordination.attendance.recorded.v1'>): Promise<void> {
    return this.projection.attendanceRecorded(event.data);
  }

  @HandleEvent('coordination.meeting.cancelled.v1')
  onCancelled(event: EventEnvelope<'coordination.meeting.cancelled.v1'>): Promise<void> {
    return this.projection.meetingCancelled(event.data);
  }

  @HandleEvent('coordination.decision.recorded.v1')
  onDecision(event: EventEnvelope<'coordination.decision.recorded.v1'>): Promise<void> {
    return this.projection.decisionRecorded(event.data);
  }

  @HandleEvent('coordination.case.reviewed.v1')
  onCaseReviewed(event: EventEnvelope<'coordination.case.reviewed.v1'>): Promise<void> {
    return this.aci.caseReviewed(event.data);
  }
}
