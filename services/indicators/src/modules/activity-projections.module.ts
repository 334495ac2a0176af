import { type DynamicModule, Module } from '@nestjs/common';
import { IndicatorRecomputeJob, RECOMPUTE_SETTINGS } from '../application/jobs/indicator-recompute.job';
import { AciProjection } from '../application/projections/aci-projection';
import { ActivityProjection } from '../application/projections/activity-projection';
import { IndicatorValueTracker } from '../application/projections/indicator-value-tracker';
import { OpeningProjection } from '../application/projections/opening-projection';
import { CallRoutingEventsHandler } from '../interface/events/call-routing-events.handler';
import { CoordinationEventsHandler } from '../interface/events/coordination-events.handler';
import { DelegationEventsHandler } from '../interface/events/delegation-events.handler';
import { DirectoryEventsHandler } from '../interface/events/directory-events.handler';
import { OpeningEventsHandler } from '../interface/events/opening-events.handler';
import { SchedulingEventsHandler } from '../interface/events/scheduling-events.handler';
import { IndicatorAnnouncementsModule } from './indicator-announcements.module';
import { IndicatorInputsModule } from './indicator-inputs.module';
import { IndicatorsPersistenceModule } from './indicators-persistence.module';
import { OperationalIndicatorsModule } from './operational-indicators.module';

/**
 * The other services' events kept as facts (inbox, order-safe upserts) and the value changes they cause, recomputed
 * by a job a month at a time; scheduling's opening ranges and absences through their own projection.
 */
@Module({})
export class ActivityProjectionsModule {
  static forRoot(settings: { recomputeIntervalMs: number }): DynamicModule {
    return {
      module: ActivityProjectionsModule,
      imports: [
        IndicatorsPersistenceModule,
        OperationalIndicatorsModule,
        IndicatorInputsModule,
        IndicatorAnnouncementsModule,
      ],
      providers: [
        { provide: RECOMPUTE_SETTINGS, useValue: { intervalMs: settings.recomputeIntervalMs } },
        IndicatorRecomputeJob,
        ActivityProjection,
        AciProjection,
        IndicatorValueTracker,
        DirectoryEventsHandler,
        SchedulingEventsHandler,
        CallRoutingEventsHandler,
        DelegationEventsHandler,
        CoordinationEventsHandler,
        OpeningProjection,
        OpeningEventsHandler,
      ],
    };
  }
}
