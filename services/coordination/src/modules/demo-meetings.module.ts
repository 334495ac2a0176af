import { type DynamicModule, Module } from '@nestjs/common';
import { DEMO_MEETINGS_OPTIONS, DemoMeetingsLoader, type DemoMeetingsOptions } from '../demo/demo-meetings.loader';
import { CoordinationMonthPlayer } from '../demo/demo-month.player';
import { AciConcertationModule } from './aci-concertation.module';
import { CoordinationPersistenceModule } from './coordination-persistence.module';
import { MeetingSeriesModule } from './meeting-series.module';
import { MeetingsModule } from './meetings.module';
import { MinutesModule } from './minutes.module';
import { NotificationInboxModule } from './notification-inbox.module';
import { TeamCopyModule } from './team-copy.module';

/**
 * The demo practices' meetings (`COORDINATION_DEMO_DATA=load`), into an empty service: last month's, held through the
 * handlers at their instants, and the coming ones.
 */
@Module({})
export class DemoMeetingsModule {
  static forRoot(enabled: boolean): DynamicModule {
    const options: DemoMeetingsOptions = { enabled, pollMs: 2_000, giveUpMs: 5 * 60_000 };
    return {
      module: DemoMeetingsModule,
      imports: [
        CoordinationPersistenceModule,
        TeamCopyModule,
        MeetingsModule,
        MeetingSeriesModule,
        AciConcertationModule,
        MinutesModule,
        NotificationInboxModule,
      ],
      providers: [{ provide: DEMO_MEETINGS_OPTIONS, useValue: options }, CoordinationMonthPlayer, DemoMeetingsLoader],
    };
  }
}
