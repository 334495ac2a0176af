import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { CoordinationError } from '../../domain/coordination-error';
import { assertUuid, parseInstant } from '../input-checks';
import { assertMember } from '../permissions';
import { MeetingRepository, type Meeting } from '../ports/meeting.repository';

const MAX_SPAN_MS = 400 * 86_400_000;

/** Meetings as members read them: every member of the structure sees its meetings; another structure's are unseen. */
@Injectable()
export class MeetingsQuery {
  constructor(private readonly meetings: MeetingRepository) {}

  async byId(user: UserContext, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetings.byId(assertUuid(meetingId, 'id'));
    const unseen = CoordinationError.notFound('Meeting', 'id');
    if (!meeting) throw unseen;
    assertMember(user, meeting.structureId, unseen);
    return meeting;
  }

  async between(user: UserContext, structureId: string, from: string, to: string): Promise<Meeting[]> {
    assertMember(user, assertUuid(structureId, 'structureId'), CoordinationError.notFound('Structure', 'structureId'));
    const [start, end] = this.window(from, to);
    return this.meetings.between(structureId, start, end);
  }

  /** The caller's invitations, across their structures. */
  async mine(user: UserContext, from: string, to: string): Promise<Meeting[]> {
    const [start, end] = this.window(from, to);
    return this.meetings.invitedTo(user.memberId, start, end);
  }

  private window(from: string, to: string): [Date, Date] {
    const start = parseInstant(from, 'from');
    const end = parseInstant(to, 'to');
    if (end.getTime() <= start.getTime()) throw CoordinationError.invalid('to', 'must be after from');
    if (end.getTime() - start.getTime() > MAX_SPAN_MS)
      throw CoordinationError.invalid('to', 'a window spans at most 400 days');
    return [start, end];
  }
}
