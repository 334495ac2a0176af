import { Module } from '@nestjs/common';
import { BookOnlineHandler } from '../application/online-booking/book-online.handler';
import { ConfirmOnlineRequestHandler } from '../application/online-booking/confirm-online-request.handler';
import { OnlineRequestDecisions } from '../application/online-booking/online-request.decisions';
import { PendingOnlineRequestsQuery } from '../application/online-booking/pending-online-requests.query';
import { RejectOnlineRequestHandler } from '../application/online-booking/reject-online-request.handler';
import { OnlineHoldReleaser } from '../application/online-booking/online-hold.releaser';
import { OnlineSiteResolver } from '../application/online-booking/online-site.resolver';
import { PublicAgendaQuery } from '../application/online-booking/public-agenda.query';
import { OnlineBookingRequestResolver } from '../interface/graphql/resolvers/online-booking-request.resolver';
import { PublicBookingController } from '../interface/public/public-booking.controller';
import { BookingModule } from './booking.module';
import { DirectoryClientModule } from './directory-client.module';
import { FreeSlotsModule } from './free-slots.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** The practice's public booking page (SCH-5) and staff's decisions on new patients' online bookings. */
@Module({
  imports: [SchedulingPersistenceModule, DirectoryClientModule, FreeSlotsModule, BookingModule],
  controllers: [PublicBookingController],
  providers: [
    PublicAgendaQuery,
    OnlineSiteResolver,
    OnlineHoldReleaser,
    BookOnlineHandler,
    OnlineRequestDecisions,
    ConfirmOnlineRequestHandler,
    RejectOnlineRequestHandler,
    PendingOnlineRequestsQuery,
    OnlineBookingRequestResolver,
  ],
})
export class OnlineBookingModule {}
