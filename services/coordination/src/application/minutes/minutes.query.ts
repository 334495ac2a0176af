import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { CoordinationError } from '../../domain/coordination-error';
import { assertUuid } from '../input-checks';
import { assertMember } from '../permissions';
import { MeetingRepository, type Meeting } from '../ports/meeting.repository';
import { MinutesRepository, type Minutes } from '../ports/minutes.repository';

/** A meeting's agenda and minutes, read by any member of its structure. */
@Injectable()
export class MinutesQuery {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly minutes: MinutesRepository,
  ) {}

  async of(user: UserContext, meetingId: string, field = 'meetingId'): Promise<{ meeting: Meeting; minutes: Minutes }> {
    const meeting = await this.meetings.byId(assertUuid(meetingId, field));
    const unseen = CoordinationError.notFound('Meeting', field);
    if (!meeting) throw unseen;
    assertMember(user, meeting.structureId, unseen);
    return { meeting, minutes: await this.minutes.minutes(meeting.id) };
  }
}
