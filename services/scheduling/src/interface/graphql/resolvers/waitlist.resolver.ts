import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { AcceptWaitlistOfferHandler } from '../../../application/waitlist/accept-waitlist-offer.handler';
import { DeclineWaitlistOfferHandler } from '../../../application/waitlist/decline-waitlist-offer.handler';
import { JoinWaitlistHandler } from '../../../application/waitlist/join-waitlist.handler';
import { LeaveWaitlistHandler } from '../../../application/waitlist/leave-waitlist.handler';
import { WaitlistQuery } from '../../../application/waitlist/waitlist.query';
import { toAppointmentType } from '../mappers/agenda.mapper';
import { AppointmentType } from '../types/appointment.type';
import { JoinWaitlistInput, WaitlistEntryType, WaitlistOfferType } from '../types/waitlist.type';

@Resolver(() => WaitlistEntryType)
export class WaitlistResolver {
  constructor(
    private readonly entries: WaitlistQuery,
    private readonly joiner: JoinWaitlistHandler,
    private readonly leaver: LeaveWaitlistHandler,
    private readonly accepter: AcceptWaitlistOfferHandler,
    private readonly decliner: DeclineWaitlistOfferHandler,
  ) {}

  @Query(() => [WaitlistEntryType], { description: 'Patients waiting for an earlier slot, first come first served' })
  waitlist(@CurrentUser() user: UserContext, @Args('structureId', { type: () => ID }) structureId: string) {
    return this.entries.execute(user, { structureId });
  }

  @Mutation(() => WaitlistEntryType)
  async joinWaitlist(@CurrentUser() user: UserContext, @Args('input') input: JoinWaitlistInput) {
    return { ...(await this.joiner.execute(user, input)), offer: null };
  }

  @Mutation(() => WaitlistEntryType)
  async leaveWaitlist(@CurrentUser() user: UserContext, @Args('entryId', { type: () => ID }) entryId: string) {
    return { ...(await this.leaver.execute(user, { entryId })), offer: null };
  }

  @Mutation(() => AppointmentType, {
    description: 'The patient takes the offered slot: the hold becomes their appointment',
  })
  async acceptWaitlistOffer(@CurrentUser() user: UserContext, @Args('offerId', { type: () => ID }) offerId: string) {
    return toAppointmentType(await this.accepter.execute(user, { offerId }), user);
  }

  @Mutation(() => WaitlistOfferType, { description: 'The patient declines: the slot goes to the next waiting patient' })
  declineWaitlistOffer(@CurrentUser() user: UserContext, @Args('offerId', { type: () => ID }) offerId: string) {
    return this.decliner.execute(user, { offerId });
  }
}
