import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { WaitlistOfferResponseHandler } from '../../../application/waitlist/waitlist-offer-response.handler';
import { WaitlistHandler } from '../../../application/waitlist/waitlist.handler';
import { toAppointmentType } from '../mappers/agenda.mapper';
import { AppointmentType } from '../types/appointment.type';
import { JoinWaitlistInput, WaitlistEntryType, WaitlistOfferType } from '../types/waitlist.type';

@Resolver(() => WaitlistEntryType)
export class WaitlistResolver {
  constructor(
    private readonly entries: WaitlistHandler,
    private readonly responses: WaitlistOfferResponseHandler,
  ) {}

  @Query(() => [WaitlistEntryType], { description: 'Patients waiting for an earlier slot, first come first served' })
  waitlist(@CurrentUser() user: UserContext, @Args('structureId', { type: () => ID }) structureId: string) {
    return this.entries.list(user, structureId);
  }

  @Mutation(() => WaitlistEntryType)
  async joinWaitlist(@CurrentUser() user: UserContext, @Args('input') input: JoinWaitlistInput) {
    return { ...(await this.entries.join(user, input)), offer: null };
  }

  @Mutation(() => WaitlistEntryType)
  async leaveWaitlist(@CurrentUser() user: UserContext, @Args('entryId', { type: () => ID }) entryId: string) {
    return { ...(await this.entries.leave(user, entryId)), offer: null };
  }

  @Mutation(() => AppointmentType, {
    description: 'The patient takes the offered slot: the hold becomes their appointment',
  })
  async acceptWaitlistOffer(@CurrentUser() user: UserContext, @Args('offerId', { type: () => ID }) offerId: string) {
    return toAppointmentType(await this.responses.accept(user, offerId), user);
  }

  @Mutation(() => WaitlistOfferType, { description: 'The patient declines: the slot goes to the next waiting patient' })
  declineWaitlistOffer(@CurrentUser() user: UserContext, @Args('offerId', { type: () => ID }) offerId: string) {
    return this.responses.decline(user, offerId);
  }
}
