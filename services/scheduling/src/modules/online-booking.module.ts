import { Module } from '@nestjs/common';
import { BookOnlineHandler } from '../application/online-booking/book-online.handler';
import { ConfirmOnlineRequestHandler } from '../application/online-booking/confirm-online-request.handler';
import { OnlineRequestDecisions } from '../application/online-booking/online-request.decisions';
import { PendingOnlineRequestsQuery } from '../application/online-booking/pending-online-requests.query';
import { RejectOnlineRequestHandler } from '../application/online-booking/reject-online-request.handler';
import { OnlineHoldReleaser } from '../application/online-booking/online-hold.releaser';
import { OnlineSiteResolver } from '../application/online-booking/online-site.resolver';
import { PracticeProfileQuery } from '../application/online-booking/practice-profile.query';
import { PublicAgendaQuery } from '../application/online-booking/public-agenda.query';
import { OnlineRequestPurgeJob } from '../application/online-booking/online-request-purge.job';
import { TypedIdentityDiscarder } from '../application/online-booking/typed-identity.discarder';
import { BookingConfirmation } from '../application/ports/booking-confirmation.port';
import { PublicRateLimitCounters } from '../application/ports/public-rate-limit.port';
import { DeskBookingConfirmation } from '../infrastructure/confirmation/desk-booking-confirmation';
import { PostgresThrottlerStorage } from '../infrastructure/throttling/postgres-throttler-storage';
import { OnlineBookingRequestResolver } from '../interface/graphql/resolvers/online-booking-request.resolver';
import { PublicBookingController } from '../interface/public/public-booking.controller';
import { BookingModule } from './booking.module';
import { DirectoryClientModule } from './directory-client.module';
import { FreeSlotsModule } from './free-slots.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/**
 * The practice's public booking page (SCH-5) with the practice's public profile, staff's decisions on online bookings,
 * and their retention purge.
 */
@Module({
  imports: [SchedulingPersistenceModule, DirectoryClientModule, FreeSlotsModule, BookingModule],
  controllers: [PublicBookingController],
  providers: [
    PublicAgendaQuery,
    PracticeProfileQuery,
    OnlineSiteResolver,
    OnlineHoldReleaser,
    BookOnlineHandler,
    OnlineRequestDecisions,
    ConfirmOnlineRequestHandler,
    RejectOnlineRequestHandler,
    PendingOnlineRequestsQuery,
    TypedIdentityDiscarder,
    OnlineRequestPurgeJob,
    // Confirmation at the desk until notification providers can send a code to the patient's contact on file.
    { provide: BookingConfirmation, useClass: DeskBookingConfirmation },
    { provide: PublicRateLimitCounters, useClass: PostgresThrottlerStorage },
    OnlineBookingRequestResolver,
  ],
})
export class OnlineBookingModule {}
