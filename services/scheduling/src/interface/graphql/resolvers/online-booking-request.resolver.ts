import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { ConfirmOnlineRequestHandler } from '../../../application/online-booking/confirm-online-request.handler';
import { PendingOnlineRequestsQuery } from '../../../application/online-booking/pending-online-requests.query';
import { RejectOnlineRequestHandler } from '../../../application/online-booking/reject-online-request.handler';
import { toAppointmentType } from '../mappers/agenda.mapper';
import { AppointmentType } from '../types/appointment.type';
import { OnlineBookingRequestType, type OnlineIdentityGql } from '../types/online-booking-request.type';

@Resolver(() => OnlineBookingRequestType)
export class OnlineBookingRequestResolver {
  constructor(
    private readonly pending: PendingOnlineRequestsQuery,
    private readonly confirmer: ConfirmOnlineRequestHandler,
    private readonly rejecter: RejectOnlineRequestHandler,
  ) {}

  @Query(() => [OnlineBookingRequestType], { description: 'Online bookings awaiting confirmation by staff' })
  async onlineBookingRequests(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
  ) {
    return (await this.pending.execute(user, { structureId })).map((r) => ({
      id: r.id,
      structureId: r.structureId,
      holdId: r.holdId,
      identity: r.identity as OnlineIdentityGql,
      patientId: r.patientId,
      practitionerId: r.practitionerId,
      siteId: r.siteId,
      motifId: r.motifId,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      holdExpiresAt: r.holdExpiresAt,
      createdAt: r.createdAt,
    }));
  }

  @Mutation(() => AppointmentType, {
    description:
      'Books the held slot for the matched patient, or registers the new patient in the directory and books it for them',
  })
  async confirmOnlineBookingRequest(
    @CurrentUser() user: UserContext,
    @Args('requestId', { type: () => ID }) requestId: string,
  ) {
    return toAppointmentType(await this.confirmer.execute(user, { requestId }), user);
  }

  @Mutation(() => Boolean, { description: 'Frees the held slot; the directory forgets the identity typed online' })
  async rejectOnlineBookingRequest(
    @CurrentUser() user: UserContext,
    @Args('requestId', { type: () => ID }) requestId: string,
  ) {
    await this.rejecter.execute(user, { requestId });
    return true;
  }
}
