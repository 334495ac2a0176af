import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, SubgraphAuthenticator, type UserContext } from '@msp/auth';
import { manyByKey, type RequestLoader, requestLoader, type SubgraphContext } from '@msp/service-kit';
import { AcceptWaitlistOfferHandler } from '../../../application/waitlist/accept-waitlist-offer.handler';
import { DeclineWaitlistOfferHandler } from '../../../application/waitlist/decline-waitlist-offer.handler';
import { JoinWaitlistHandler } from '../../../application/waitlist/join-waitlist.handler';
import { LeaveWaitlistHandler } from '../../../application/waitlist/leave-waitlist.handler';
import { WaitlistQuery } from '../../../application/waitlist/waitlist.query';
import { toAppointmentType } from '../mappers/agenda.mapper';
import { AppointmentType } from '../types/appointment.type';
import { PatientRefType } from '../types/patient-ref.type';
import { JoinWaitlistInput, WaitlistEntryType, WaitlistOfferType } from '../types/waitlist.type';

@Resolver(() => WaitlistEntryType)
export class WaitlistResolver {
  constructor(
    private readonly entries: WaitlistQuery,
    private readonly joiner: JoinWaitlistHandler,
    private readonly leaver: LeaveWaitlistHandler,
    private readonly accepter: AcceptWaitlistOfferHandler,
    private readonly decliner: DeclineWaitlistOfferHandler,
    private readonly auth: SubgraphAuthenticator,
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

  @ResolveField(() => PatientRefType, {
    nullable: true,
    description: 'The waiting patient, resolved by the directory (access-logged there)',
  })
  patient(@Parent() entry: WaitlistEntryType): PatientRefType {
    return { id: entry.patientId };
  }

  @ResolveField(() => [WaitlistOfferType], {
    description:
      'Every slot offered to this patient, newest first, with what became of it (open, accepted, declined, expired)',
  })
  offers(@Parent() entry: WaitlistEntryType, @Context() context: SubgraphContext) {
    return this.offersOf(context).load(entry.id);
  }

  /** The offers of every entry of a waitlist read in one query. */
  private offersOf(context: SubgraphContext): RequestLoader<string, WaitlistOfferType[]> {
    return requestLoader(context, 'waitlistOffers', async (entryIds: readonly string[]) => {
      const offers = await this.entries.offersOf(await this.auth.fromGraphQLContext(context), entryIds);
      return manyByKey(entryIds, offers, (o) => o.entryId);
    });
  }
}
