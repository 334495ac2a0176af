import type { DynamicModule, Provider, Type } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import { ThrottlerModule } from '@nestjs/throttler';
import { IcalFeedQuery } from './application/ical/ical-feed.query';
import { IcalFeedsHandler } from './application/ical/ical-feeds.handler';
import { BookOnlineHandler } from './application/online-booking/book-online.handler';
import { OnlineHoldReleaser } from './application/online-booking/online-hold.releaser';
import { OnlineRequestsHandler } from './application/online-booking/online-requests.handler';
import { OnlineSiteResolver } from './application/online-booking/online-site.resolver';
import { PublicAgendaQuery } from './application/online-booking/public-agenda.query';
import { AppointmentEventsListener } from './application/patient-services/appointment-events.listener';
import { PATIENT_SERVICES_SETTINGS, type PatientServicesSettings } from './application/patient-services-settings';
import { PatientDirectory } from './application/ports/patient-directory.port';
import { NoShowRateQuery } from './application/reminders/no-show-rate.query';
import { NOTIFICATION_PROVIDER } from './application/reminders/notification-provider';
import { PatientConsentProjection } from './application/reminders/patient-consent.projection';
import { ReminderDispatcherJob } from './application/reminders/reminder-dispatcher.job';
import { ReminderScheduler } from './application/reminders/reminder-scheduler';
import { SnpPoolQuery } from './application/snp/snp-pool.query';
import { SnpReleaseJob } from './application/snp/snp-release.job';
import { WaitlistOfferResponseHandler } from './application/waitlist/waitlist-offer-response.handler';
import { WaitlistOfferer } from './application/waitlist/waitlist-offerer';
import { WaitlistHandler } from './application/waitlist/waitlist.handler';
import { HttpPatientDirectory } from './infrastructure/directory/http-patient-directory';
import { OnlineBookingRequests1764100001000 } from './infrastructure/migrations/1764100001000-online-booking-requests';
import { SnpReleases1764100002000 } from './infrastructure/migrations/1764100002000-snp-releases';
import { Reminders1764100003000 } from './infrastructure/migrations/1764100003000-reminders';
import { Waitlist1764100004000 } from './infrastructure/migrations/1764100004000-waitlist';
import { IcalFeeds1764100005000 } from './infrastructure/migrations/1764100005000-ical-feeds';
import { LogNotificationProvider } from './infrastructure/notifications/log-notification.provider';
import { IcalFeedRepository } from './infrastructure/repositories/ical-feed.repository';
import { NoShowRepository } from './infrastructure/repositories/no-show.repository';
import { OnlineBookingRequestRepository } from './infrastructure/repositories/online-booking-request.repository';
import { PublicAgendaRepository } from './infrastructure/repositories/public-agenda.repository';
import { ReminderRepository } from './infrastructure/repositories/reminder.repository';
import { SnpRepository } from './infrastructure/repositories/snp.repository';
import { WaitlistRepository } from './infrastructure/repositories/waitlist.repository';
import { IcalFeedResolver } from './interface/graphql/resolvers/ical-feed.resolver';
import { NoShowRateResolver } from './interface/graphql/resolvers/no-show-rate.resolver';
import { OnlineBookingRequestResolver } from './interface/graphql/resolvers/online-booking-request.resolver';
import { SnpPoolResolver } from './interface/graphql/resolvers/snp-pool.resolver';
import { WaitlistResolver } from './interface/graphql/resolvers/waitlist.resolver';
import { IcalFeedController } from './interface/public/ical-feed.controller';
import { PublicBookingController } from './interface/public/public-booking.controller';
import { publicThrottling } from './interface/public/public-throttling';

/**
 * Online booking (SCH-5), SNP release and CPTS pool (SCH-4), reminders and no-show rate (SCH-8), waitlist (SCH-9) and
 * calendar feeds (SCH-10): what AppModule spreads into its imports, controllers, providers and migrations.
 */
export const PATIENT_SERVICES_MIGRATIONS: Array<new () => MigrationInterface> = [
  OnlineBookingRequests1764100001000,
  SnpReleases1764100002000,
  Reminders1764100003000,
  Waitlist1764100004000,
  IcalFeeds1764100005000,
];

export const PATIENT_SERVICES_CONTROLLERS: Type[] = [PublicBookingController, IcalFeedController];

export function patientServicesImports(settings: PatientServicesSettings): DynamicModule[] {
  return [ThrottlerModule.forRoot(publicThrottling(settings))];
}

export function patientServicesProviders(settings: PatientServicesSettings): Provider[] {
  return [
    { provide: PATIENT_SERVICES_SETTINGS, useValue: settings },
    { provide: PatientDirectory, useClass: HttpPatientDirectory },
    { provide: NOTIFICATION_PROVIDER, useClass: LogNotificationProvider },
    PublicAgendaRepository,
    OnlineBookingRequestRepository,
    SnpRepository,
    ReminderRepository,
    NoShowRepository,
    WaitlistRepository,
    IcalFeedRepository,
    PublicAgendaQuery,
    OnlineSiteResolver,
    OnlineHoldReleaser,
    BookOnlineHandler,
    OnlineRequestsHandler,
    SnpReleaseJob,
    SnpPoolQuery,
    ReminderScheduler,
    ReminderDispatcherJob,
    PatientConsentProjection,
    NoShowRateQuery,
    WaitlistOfferer,
    WaitlistHandler,
    WaitlistOfferResponseHandler,
    AppointmentEventsListener,
    IcalFeedsHandler,
    IcalFeedQuery,
    OnlineBookingRequestResolver,
    SnpPoolResolver,
    NoShowRateResolver,
    WaitlistResolver,
    IcalFeedResolver,
  ];
}
