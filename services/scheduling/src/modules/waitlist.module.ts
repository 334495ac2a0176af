import { Module } from '@nestjs/common';
import { AcceptWaitlistOfferHandler } from '../application/waitlist/accept-waitlist-offer.handler';
import { DeclineWaitlistOfferHandler } from '../application/waitlist/decline-waitlist-offer.handler';
import { JoinWaitlistHandler } from '../application/waitlist/join-waitlist.handler';
import { LeaveWaitlistHandler } from '../application/waitlist/leave-waitlist.handler';
import { WaitlistOfferer } from '../application/waitlist/waitlist-offerer';
import { WaitlistQuery } from '../application/waitlist/waitlist.query';
import { WaitlistResolver } from '../interface/graphql/resolvers/waitlist.resolver';
import { BookingModule } from './booking.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** Patients waiting for an earlier slot, and the offers of freed slots to them (SCH-9). */
@Module({
  imports: [SchedulingPersistenceModule, BookingModule],
  providers: [
    WaitlistOfferer,
    JoinWaitlistHandler,
    LeaveWaitlistHandler,
    WaitlistQuery,
    AcceptWaitlistOfferHandler,
    DeclineWaitlistOfferHandler,
    WaitlistResolver,
  ],
  exports: [WaitlistOfferer],
})
export class WaitlistModule {}
