import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { MeetingSeriesHandler, type SeriesWithOccurrences } from '../../../application/series/meeting-series.handler';
import { CreateMeetingSeriesInput, EndMeetingSeriesInput } from '../inputs/series.inputs';
import { toMeetingType } from '../mappers/meeting.mapper';
import type { MeetingKindEnum } from '../types/coordination-enums';
import { MeetingSeriesType } from '../types/series.types';

const toSeriesType = ({ series, occurrences }: SeriesWithOccurrences): MeetingSeriesType => ({
  ...series,
  kind: series.kind as MeetingKindEnum,
  localStartTime: series.localStart,
  occurrences: occurrences.map(toMeetingType),
});

/** COO-1: recurring meetings. */
@Resolver(() => MeetingSeriesType)
export class SeriesResolver {
  constructor(private readonly series: MeetingSeriesHandler) {}

  @Query(() => MeetingSeriesType)
  async meetingSeries(@CurrentUser() user: UserContext, @Args('id', { type: () => ID }) id: string) {
    return toSeriesType(await this.series.byId(user, id));
  }

  @Mutation(() => MeetingSeriesType, {
    description: 'Creates a recurring meeting; its meetings are written 90 days ahead and extended as days pass',
  })
  async createMeetingSeries(@CurrentUser() user: UserContext, @Args('input') input: CreateMeetingSeriesInput) {
    return toSeriesType(await this.series.create(user, input));
  }

  @Mutation(() => MeetingSeriesType, { description: 'Ends a series: its future meetings are cancelled' })
  async endMeetingSeries(@CurrentUser() user: UserContext, @Args('input') input: EndMeetingSeriesInput) {
    return toSeriesType(await this.series.end(user, input));
  }
}
