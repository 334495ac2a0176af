import { type DynamicModule, Module } from '@nestjs/common';
import { DEMO_MEETINGS_OPTIONS, DemoMeetingsLoader, type DemoMeetingsOptions } from '../demo/demo-meetings.loader';
import { CoordinationPersistenceModule } from './coordination-persistence.module';
import { MeetingSeriesModule } from './meeting-series.module';
import { MeetingsModule } from './meetings.module';

/** The demo practices' coming meetings (`COORDINATION_DEMO_DATA=load`), into an empty service. */
@Module({})
export class DemoMeetingsModule {
  static forRoot(enabled: boolean): DynamicModule {
    const options: DemoMeetingsOptions = { enabled, pollMs: 2_000, giveUpMs: 5 * 60_000 };
    return {
      module: DemoMeetingsModule,
      imports: [CoordinationPersistenceModule, MeetingsModule, MeetingSeriesModule],
      providers: [{ provide: DEMO_MEETINGS_OPTIONS, useValue: options }, DemoMeetingsLoader],
    };
  }
}
