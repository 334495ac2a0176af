import { Module } from '@nestjs/common';
import { ActivityProjection } from '../application/projections/activity-projection';
import { IndicatorValueTracker } from '../application/projections/indicator-value-tracker';
import { CallRoutingEventsHandler } from '../interface/events/call-routing-events.handler';
import { CoordinationEventsHandler } from '../interface/events/coordination-events.handler';
import { DelegationEventsHandler } from '../interface/events/delegation-events.handler';
import { DirectoryEventsHandler } from '../interface/events/directory-events.handler';
import { SchedulingEventsHandler } from '../interface/events/scheduling-events.handler';
import { IndicatorsPersistenceModule } from './indicators-persistence.module';
import { OperationalIndicatorsModule } from './operational-indicators.module';

/** The other services' events kept as facts (inbox, order-safe upserts) and the value changes they cause. */
@Module({
  imports: [IndicatorsPersistenceModule, OperationalIndicatorsModule],
  providers: [
    ActivityProjection,
    IndicatorValueTracker,
    DirectoryEventsHandler,
    SchedulingEventsHandler,
    CallRoutingEventsHandler,
    DelegationEventsHandler,
    CoordinationEventsHandler,
  ],
})
export class ActivityProjectionsModule {}
