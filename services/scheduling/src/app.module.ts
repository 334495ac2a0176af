import { type DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { TOPICS } from '@msp/contracts';
import { DataSource } from 'typeorm';
import { PlatformSubgraphModule, PublicListenerModule } from '@msp/service-kit';
import type { SchedulingConfig } from './config/scheduling.config';
import { SCHEDULING_ENTITIES } from './infrastructure/entities';
import { SCHEDULING_MIGRATIONS } from './infrastructure/migrations';
import { PostgresThrottlerStorage } from './infrastructure/throttling/postgres-throttler-storage';
import { publicThrottling } from './interface/public/public-throttling';
import { AbsencesModule } from './modules/absences.module';
import { AgendaViewsModule } from './modules/agenda-views.module';
import { AppointmentFollowUpModule } from './modules/appointment-follow-up.module';
import { AppointmentLifecycleModule } from './modules/appointment-lifecycle.module';
import { BookingModule } from './modules/booking.module';
import { CalendarFeedsModule } from './modules/calendar-feeds.module';
import { DemoAgendasModule } from './modules/demo-agendas.module';
import { DirectoryCopyModule } from './modules/directory-copy.module';
import { FreeBusyModule } from './modules/free-busy.module';
import { FreeSlotsModule } from './modules/free-slots.module';
import { MeetingBlocksModule } from './modules/meeting-blocks.module';
import { MotifsModule } from './modules/motifs.module';
import { MultiSiteModule } from './modules/multi-site.module';
import { OnlineBookingModule } from './modules/online-booking.module';
import { OpeningRangeChangesModule } from './modules/opening-range-changes.module';
import { OpeningRangesModule } from './modules/opening-ranges.module';
import { RemindersModule } from './modules/reminders.module';
import { ReschedulingModule } from './modules/rescheduling.module';
import { SchedulingSettingsModule } from './modules/scheduling-settings.module';
import { SnpModule } from './modules/snp.module';
import { WaitlistModule } from './modules/waitlist.module';

export const SERVICE_NAME = 'scheduling';

/** The scheduling service: the platform's building blocks, then one module per capability. */
@Module({})
export class AppModule {
  static forRoot(config: SchedulingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformSubgraphModule.forRoot({
          serviceName: SERVICE_NAME,
          databaseUrl: config.databaseUrl,
          entities: SCHEDULING_ENTITIES,
          migrations: SCHEDULING_MIGRATIONS,
          kafkaBrokers: config.kafkaBrokers,
          // Its own topic too: reminders and the waitlist react to appointment events (once, through the inbox).
          // Coordination's: its meetings block the attendees' agendas.
          subscribeTo: [TOPICS.directory, TOPICS.scheduling, TOPICS.coordination],
          consumerGroup: config.consumerGroup,
          trust: config.trust,
        }),
        SchedulingSettingsModule.forRoot(config),
        // /public and /ical answer on PUBLIC_PORT only; the main port keeps /graphql, /internal and /metrics.
        PublicListenerModule.forRoot({ port: config.publicPort, host: config.host, routes: ['/public/', '/ical/'] }),
        // Global: the public booking page and the calendar feeds share the per-IP limits.
        // Counters in PostgreSQL: every replica counts against the same budget.
        ThrottlerModule.forRootAsync({
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            publicThrottling(config.patientServices, new PostgresThrottlerStorage(dataSource)),
        }),
        DirectoryCopyModule,
        MotifsModule,
        OpeningRangesModule,
        AbsencesModule,
        FreeSlotsModule,
        BookingModule,
        MultiSiteModule,
        AppointmentLifecycleModule,
        ReschedulingModule,
        OpeningRangeChangesModule,
        AgendaViewsModule,
        FreeBusyModule,
        OnlineBookingModule,
        SnpModule,
        RemindersModule,
        WaitlistModule,
        AppointmentFollowUpModule,
        MeetingBlocksModule,
        CalendarFeedsModule,
        DemoAgendasModule.forRoot(config.loadDemoData),
      ],
    };
  }
}
