import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { MeetingProposalsQuery } from '../../../application/planning/meeting-proposals.query';
import { MeetingProposalsInput } from '../inputs/planning.inputs';
import { MeetingProposalsType } from '../types/planning.types';

/** COO-2: when the invitees can meet. */
@Resolver(() => MeetingProposalsType)
export class PlanningResolver {
  constructor(private readonly planner: MeetingProposalsQuery) {}

  @Query(() => MeetingProposalsType, {
    description:
      "Times when all (or most) invitees are free, from scheduling's agendas; none, and a notice, when they cannot be read",
  })
  async meetingProposals(
    @CurrentUser() user: UserContext,
    @Args('input') input: MeetingProposalsInput,
  ): Promise<MeetingProposalsType> {
    const answer = await this.planner.execute(user, input);
    return {
      ...answer,
      proposals: answer.proposals.map((p) => ({ ...p, freeCount: p.freeMemberIds.length })),
    };
  }
}
