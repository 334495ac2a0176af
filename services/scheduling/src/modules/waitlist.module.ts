import { Module } from '@nestjs/common';
import { AcceptWaitlistOfferHandler } from '../application/waitlist/accept-waitlist-offer.handler';
import { DeclineWaitlistOfferHandler } from '../application/waitlist/decline-waitlist-offer.handler';
import { JoinWaitlistHandler } from '../application/waitlist/join-waitlist.handler';
import { LeaveWaitlistHandler } from '../application/waitlist/leave-waitlist.handler';
import { WaitlistOfferer } from '../application/waitlist/waitlist-offerer';
import { WaitlistOfferLink } from '../application/waitlist/waitlist-offer-link';
import { WaitlistQuery } from '../application/waitlist/waitlist.query';
import { WaitlistResolver } from '../interface/graphql/resolvers/waitlist.resolver';
import { PublicWaitlistOfferController } from '../interface/public/waitlist-offer.controller';
import { BookingModule } from './booking.module';
import { DirectoryClientModule } from './directory-client.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/**
 * Patients waiting for an earlier slot, the offers of freed slots to them (SCH-9), and the public page where a patient
 * answers an offer from the link they were sent.
 */
@Module({
  imports: [SchedulingPersistenceModule, BookingModule, DirectoryClientModule],
  controllers: [PublicWaitlistOfferController],
  providers: [
    WaitlistOfferer,
    JoinWaitlistHandler,
    LeaveWaitlistHandler,
    WaitlistQuery,
    AcceptWaitlistOfferHandler,
    DeclineWaitlistOfferHandler,
    WaitlistOfferLink,
    WaitlistResolver,
  ],
  exports: [WaitlistOfferer],
})
export class WaitlistModule {}
