import { Module } from '@nestjs/common';
import { PresenceProjection } from '../application/projections/presence-projection';
import { SchedulingEventsHandler } from '../interface/events/scheduling-events.handler';
import { CallRoutingPersistenceModule } from './call-routing-persistence.module';

/** Who is in consultation or absent, from scheduling's events. */
@Module({
  imports: [CallRoutingPersistenceModule],
  providers: [PresenceProjection, SchedulingEventsHandler],
})
export class PractitionerPresenceModule {}
