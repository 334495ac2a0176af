import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { AciConcertationQuery } from '../../../application/aci/aci-concertation.query';
import { ACI_SHARE_TARGET_PERCENT, ACI_MEETING_TARGET } from '../../../domain/aci-concertation';
import { AciConcertationType, PatientToReviewType } from '../types/aci.types';

/** COO-7: the ACI concertation check, for coordinators, administrators and practitioners. */
@Resolver()
export class AciResolver {
  constructor(private readonly aci: AciConcertationQuery) {}

  @Query(() => AciConcertationType, {
    description: 'Meetings counted against 6, each GP’s share of eligible patients reviewed against 5 %',
  })
  async aciConcertation(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<AciConcertationType> {
    const standing = await this.aci.standing(user, structureId, year);
    return {
      ...standing,
      structureId,
      meetingTarget: ACI_MEETING_TARGET,
      sharesAvailable: standing.shares !== null,
      shares: standing.shares?.map((s) => ({ ...s, targetPercent: ACI_SHARE_TARGET_PERCENT })) ?? null,
    };
  }

  @Query(() => [PatientToReviewType], {
    description: 'Eligible patients not yet reviewed this year nor on an agenda to come, for the next meetings',
  })
  eligiblePatientsToReview(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 20 }) limit: number,
  ) {
    return this.aci.toReview(user, structureId, limit);
  }
}
