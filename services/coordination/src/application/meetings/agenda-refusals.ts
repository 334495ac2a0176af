import { Injectable, Logger } from '@nestjs/common';
import type { EventPayloads } from '@msp/contracts';
import { MeetingRepository } from '../ports/meeting.repository';

/** Scheduling's word that a member's agenda could not be blocked: shown on the invitation, nothing is moved. */
@Injectable()
export class AgendaRefusals {
  private readonly logger = new Logger(AgendaRefusals.name);

  constructor(private readonly meetings: MeetingRepository) {}

  async refused(data: EventPayloads['scheduling.meeting-block.refused.v1']): Promise<void> {
    const known = await this.meetings.agendaRefused(data.meetingId, data.memberId, data.overlappingAppointments);
    if (!known) this.logger.log(`Agenda refusal for an invitation coordination does not hold (${data.meetingId})`);
  }
}
