import { type DynamicModule, Module } from '@nestjs/common';
import { CoordinationSweepJob, SWEEP_SETTINGS } from '../application/jobs/coordination-sweep.job';
import type { CoordinationConfig } from '../config/coordination.config';
import { MeetingSeriesModule } from './meeting-series.module';
import { NotificationInboxModule } from './notification-inbox.module';

/** The periodic sweep: series extended, due notifications delivered. */
@Module({})
export class CoordinationSweepModule {
  static forRoot(config: CoordinationConfig): DynamicModule {
    return {
      module: CoordinationSweepModule,
      imports: [MeetingSeriesModule, NotificationInboxModule],
      providers: [{ provide: SWEEP_SETTINGS, useValue: { intervalMs: config.sweepIntervalMs } }, CoordinationSweepJob],
    };
  }
}
