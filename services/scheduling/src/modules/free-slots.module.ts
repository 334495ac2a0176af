import { MultiSiteOffer } from '../application/slots/multi-site-offer';
import { Module } from '@nestjs/common';
import { FindFreeSlotsQuery } from '../application/slots/find-free-slots.query';
import { FreeSlotResolver } from '../interface/graphql/resolvers/free-slot.resolver';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** Free slots of a motif across practitioners and sites, in each site's zone. */
@Module({
  imports: [SchedulingPersistenceModule],
  providers: [MultiSiteOffer, FindFreeSlotsQuery, FreeSlotResolver],
  exports: [FindFreeSlotsQuery],
})
export class FreeSlotsModule {}
