import { Module } from '@nestjs/common';
import { NoShowRateQuery } from '../application/reminders/no-show-rate.query';
import { NotificationProvider } from '../application/ports/notification-provider';
import { ReminderDispatcherJob } from '../application/reminders/reminder-dispatcher.job';
import { ReminderScheduler } from '../application/reminders/reminder-scheduler';
import { LogNotificationProvider } from '../infrastructure/notifications/log-notification.provider';
import { PatientConsentEventsHandler } from '../interface/events/patient-consent-events.handler';
import { NoShowRateResolver } from '../interface/graphql/resolvers/no-show-rate.resolver';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** Reminders to consenting patients (SCH-8), sent from the notification outbox, and the no-show rate. */
@Module({
  imports: [SchedulingPersistenceModule],
  providers: [
    { provide: NotificationProvider, useClass: LogNotificationProvider },
    ReminderScheduler,
    ReminderDispatcherJob,
    PatientConsentEventsHandler,
    NoShowRateQuery,
    NoShowRateResolver,
  ],
  exports: [ReminderScheduler],
})
export class RemindersModule {}
