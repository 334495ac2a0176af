import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { AnswerInvitationHandler } from '../../../application/meetings/answer-invitation.handler';
import { ChangeMeetingHandler } from '../../../application/meetings/change-meeting.handler';
import { MeetingsQuery } from '../../../application/meetings/meetings.query';
import { ScheduleMeetingHandler } from '../../../application/meetings/schedule-meeting.handler';
import {
  AnswerInvitationInput,
  CancelMeetingInput,
  RescheduleMeetingInput,
  ScheduleMeetingInput,
} from '../inputs/meeting.inputs';
import { toMeetingType } from '../mappers/meeting.mapper';
import { MeetingType } from '../types/meeting.types';

/** COO-1, COO-2: meetings in time, their invitations and answers. */
@Resolver(() => MeetingType)
export class MeetingResolver {
  constructor(
    private readonly query: MeetingsQuery,
    private readonly schedule: ScheduleMeetingHandler,
    private readonly change: ChangeMeetingHandler,
    private readonly answers: AnswerInvitationHandler,
  ) {}

  @Query(() => MeetingType)
  async meeting(@CurrentUser() user: UserContext, @Args('id', { type: () => ID }) id: string) {
    return toMeetingType(await this.query.byId(user, id));
  }

  @Query(() => [MeetingType], { description: "The structure's meetings starting in [from, to)" })
  async meetings(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('from') from: string,
    @Args('to') to: string,
  ) {
    return (await this.query.between(user, structureId, from, to)).map(toMeetingType);
  }

  @Query(() => [MeetingType], { description: 'The meetings I am invited to, starting in [from, to)' })
  async myMeetings(@CurrentUser() user: UserContext, @Args('from') from: string, @Args('to') to: string) {
    return (await this.query.mine(user, from, to)).map(toMeetingType);
  }

  @Mutation(() => MeetingType, {
    description:
      'Places a meeting (coordinators, practitioners, administrators); refused over booked patients unless said',
  })
  async scheduleMeeting(@CurrentUser() user: UserContext, @Args('input') input: ScheduleMeetingInput) {
    return toMeetingType(await this.schedule.execute(user, input));
  }

  @Mutation(() => MeetingType, {
    description: "Moves a scheduled meeting; scheduling frees the attendees' former time",
  })
  async rescheduleMeeting(@CurrentUser() user: UserContext, @Args('input') input: RescheduleMeetingInput) {
    return toMeetingType(await this.change.reschedule(user, input));
  }

  @Mutation(() => MeetingType, { description: "Cancels a scheduled meeting; scheduling frees the attendees' agendas" })
  async cancelMeeting(@CurrentUser() user: UserContext, @Args('input') input: CancelMeetingInput) {
    return toMeetingType(await this.change.cancel(user, input));
  }

  @Mutation(() => MeetingType, { description: 'Answers my invitation: no frees my agenda' })
  async answerInvitation(@CurrentUser() user: UserContext, @Args('input') input: AnswerInvitationInput) {
    return toMeetingType(await this.answers.execute(user, input));
  }
}
