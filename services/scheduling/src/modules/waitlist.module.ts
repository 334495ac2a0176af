import { Module } from '@nestjs/common';
import { WaitlistOfferResponseHandler } from '../application/waitlist/waitlist-offer-response.handler';
import { WaitlistOfferer } from '../application/waitlist/waitlist-offerer';
import { WaitlistHandler } from '../application/waitlist/waitlist.handler';
import { WaitlistResolver } from '../interface/graphql/resolvers/waitlist.resolver';
import { BookingModule } from './booking.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** Patients waiting for an earlier slot, and the offers of freed slots to them (SCH-9). */
@Module({
  imports: [SchedulingPersistenceModule, BookingModule],
  providers: [WaitlistOfferer, WaitlistHandler, WaitlistOfferResponseHandler, WaitlistResolver],
  exports: [WaitlistOfferer],
})
export class WaitlistModule {}
