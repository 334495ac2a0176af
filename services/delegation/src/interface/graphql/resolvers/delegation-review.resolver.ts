import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { ReportDysfunctionHandler } from '../../../application/review/report-dysfunction.handler';
import { TimeFreedQuery } from '../../../application/review/time-freed.query';
import { WeeklyReviewQuery } from '../../../application/review/weekly-review.query';
import { ReportDysfunctionInput } from '../inputs/delegation.inputs';
import { toTaskType } from '../mappers/delegation.mappers';
import { DysfunctionReportType, TimeFreedWeekType, WeeklyReviewType } from '../types/delegation.types';

/** DEL-6: the weekly review, dysfunction reports and the medical time freed. */
@Resolver()
export class DelegationReviewResolver {
  constructor(
    private readonly reviews: WeeklyReviewQuery,
    private readonly timeFreed: TimeFreedQuery,
    private readonly dysfunctions: ReportDysfunctionHandler,
  ) {}

  @Query(() => WeeklyReviewType, { description: 'Per delegate and referent, for one ISO week (Europe/Paris)' })
  async weeklyDelegationReview(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('isoWeek', { description: '2026-W49' }) isoWeek: string,
  ) {
    const review = await this.reviews.of(user, structureId, isoWeek);
    return { ...review, toReview: review.toReview.map(toTaskType) };
  }

  @Query(() => [TimeFreedWeekType], { description: 'Medical minutes freed per physician and ISO week' })
  delegatedTimeFreed(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('fromWeek') fromWeek: string,
    @Args('toWeek') toWeek: string,
    @Args('physicianId', { type: () => ID, nullable: true }) physicianId?: string | null,
  ) {
    return this.timeFreed.weeks(user, { structureId, fromWeek, toWeek, physicianId });
  }

  @Mutation(() => DysfunctionReportType, { description: 'Reports what went wrong with a delegation' })
  reportDysfunction(@CurrentUser() user: UserContext, @Args('input') input: ReportDysfunctionInput) {
    return this.dysfunctions.execute(user, input);
  }
}
