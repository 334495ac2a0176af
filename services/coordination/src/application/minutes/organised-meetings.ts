import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { CoordinationError } from '../../domain/coordination-error';
import { assertRole, PERMISSIONS } from '../permissions';
import { MeetingRepository, type Meeting } from '../ports/meeting.repository';

/**
 * The meeting an organiser writes the agenda, attendance or minutes of, locked for the rest of the transaction: a
 * closing of the minutes waits for a write under way, and a write after it sees the minutes closed.
 */
@Injectable()
export class OrganisedMeetings {
  constructor(private readonly meetings: MeetingRepository) {}

  async lock(user: UserContext, meetingId: string, field = 'input.meetingId'): Promise<Meeting> {
    const meeting = await this.meetings.lock(meetingId);
    const unseen = CoordinationError.notFound('Meeting', field);
    if (!meeting) throw unseen;
    assertRole(user, meeting.structureId, PERMISSIONS.organiseMeetings, unseen);
    return meeting;
  }
}
