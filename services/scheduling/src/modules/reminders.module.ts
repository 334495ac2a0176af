import { Module } from '@nestjs/common';
import { PatientMessageComposer } from '../application/notifications/patient-message.composer';
import { PatientMessageTemplates } from '../application/notifications/patient-message-templates';
import { PATIENT_SERVICES_SETTINGS, type PatientServicesSettings } from '../application/patient-services-settings';
import { NoShowRateQuery } from '../application/reminders/no-show-rate.query';
import { NotificationProvider } from '../application/ports/notification-provider';
import { PatientDirectory } from '../application/ports/patient-directory.port';
import { ReminderDispatcherJob } from '../application/reminders/reminder-dispatcher.job';
import { ReminderScheduler } from '../application/reminders/reminder-scheduler';
import { notificationProviderOf } from '../infrastructure/notifications/notification-provider.factory';
import { PatientConsentEventsHandler } from '../interface/events/patient-consent-events.handler';
import { NoShowRateResolver } from '../interface/graphql/resolvers/no-show-rate.resolver';
import { PatientMessageTemplateResolver } from '../interface/graphql/resolvers/patient-message-template.resolver';
import { DirectoryClientModule } from './directory-client.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/**
 * Messages to patients (SCH-8 reminders to consenting patients, SCH-9 waitlist offers), sent from the notification
 * outbox through the configured provider with each structure's texts; and the no-show rate.
 */
@Module({
  imports: [SchedulingPersistenceModule, DirectoryClientModule],
  providers: [
    PatientMessageComposer,
    {
      provide: NotificationProvider,
      inject: [PATIENT_SERVICES_SETTINGS, PatientDirectory, PatientMessageComposer],
      useFactory: (settings: PatientServicesSettings, directory: PatientDirectory, composer: PatientMessageComposer) =>
        notificationProviderOf(settings.notifications, directory, composer),
    },
    ReminderScheduler,
    ReminderDispatcherJob,
    PatientConsentEventsHandler,
    PatientMessageTemplates,
    PatientMessageTemplateResolver,
    NoShowRateQuery,
    NoShowRateResolver,
  ],
  exports: [ReminderScheduler],
})
export class RemindersModule {}
