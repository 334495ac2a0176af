import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { MeetingBlocks } from '../../application/meetings/meeting-blocks';

/** Coordination's meetings, into the attendees' agendas, inside the inbox transaction (applied once). */
@Injectable()
export class CoordinationEventsHandler {
  constructor(private readonly blocks: MeetingBlocks) {}

  @HandleEvent('coordination.meeting.scheduled.v1')
  async onScheduled(event: EventEnvelope<'coordination.meeting.scheduled.v1'>): Promise<void> {
    await this.blocks.scheduled(event.data);
  }

  @HandleEvent('coordination.meeting.rescheduled.v1')
  async onRescheduled(event: EventEnvelope<'coordination.meeting.rescheduled.v1'>): Promise<void> {
    await this.blocks.rescheduled(event.data);
  }

  @HandleEvent('coordination.meeting.cancelled.v1')
  async onCancelled(event: EventEnvelope<'coordination.meeting.cancelled.v1'>): Promise<void> {
    await this.blocks.cancelled(event.data);
  }

  @HandleEvent('coordination.invitation.answered.v1')
  async onAnswered(event: EventEnvelope<'coordination.invitation.answered.v1'>): Promise<void> {
    await this.blocks.answered(event.data);
  }
}
