import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { DefineOpeningRangeHandler } from '../../../application/opening-ranges/define-opening-range.handler';
import { OpeningRangesQuery } from '../../../application/opening-ranges/opening-ranges.query';
import { DefineOpeningRangeInput } from '../inputs/opening-range.inputs';
import { toOpeningRangeType } from '../mappers/agenda.mapper';
import { OpeningRangeType } from '../types/opening-range.type';

@Resolver(() => OpeningRangeType)
export class OpeningRangeResolver {
  constructor(
    private readonly ranges: OpeningRangesQuery,
    private readonly definer: DefineOpeningRangeHandler,
  ) {}

  @Query(() => [OpeningRangeType])
  async openingRanges(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('practitionerId', { type: () => ID, nullable: true }) practitionerId?: string | null,
  ) {
    return (await this.ranges.execute(user, { structureId, practitionerId })).map(toOpeningRangeType);
  }

  @Mutation(() => OpeningRangeType, { description: "Adds a recurring range to a practitioner's agenda at a site" })
  async defineOpeningRange(@CurrentUser() user: UserContext, @Args('input') input: DefineOpeningRangeInput) {
    return toOpeningRangeType(await this.definer.execute(user, input));
  }
}
