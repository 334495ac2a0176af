import type { MigrationInterface } from 'typeorm';
import { SchedulingSchema1764000001000 } from './1764000001000-scheduling-schema';
import { OnlineBookingRequests1764100001000 } from './1764100001000-online-booking-requests';
import { SnpReleases1764100002000 } from './1764100002000-snp-releases';
import { Reminders1764100003000 } from './1764100003000-reminders';
import { Waitlist1764100004000 } from './1764100004000-waitlist';
import { IcalFeeds1764100005000 } from './1764100005000-ical-feeds';
import { OnlineBookingPrivacy1764300006000 } from './1764300006000-online-booking-privacy';
import { RemindersLiveUniqueness1764300007000 } from './1764300007000-reminders-live-uniqueness';
import { DirectoryCopyEventOrder1764300012000 } from './1764300012000-directory-copy-event-order';
import { AgendaReadIndexes1764400001000 } from './1764400001000-agenda-read-indexes';
import { MeetingBlocks1764500001000 } from './1764500001000-meeting-blocks';
import { DemoMonth1764600001000 } from './1764600001000-demo-month';
import { OpeningRangeChanges1765001001000 } from './1765001001000-opening-range-changes';
import { PooledSnpBookings1765005002000 } from './1765005002000-pooled-snp-bookings';
import { PatientMessages1765003001000 } from './1765003001000-patient-messages';
import { MultiSiteDays1765002001000 } from './1765002001000-multi-site-days';

/** Every migration of scheduling's database, oldest first. */
export const SCHEDULING_MIGRATIONS: Array<new () => MigrationInterface> = [
  SchedulingSchema1764000001000,
  OnlineBookingRequests1764100001000,
  SnpReleases1764100002000,
  Reminders1764100003000,
  Waitlist1764100004000,
  IcalFeeds1764100005000,
  OnlineBookingPrivacy1764300006000,
  RemindersLiveUniqueness1764300007000,
  DirectoryCopyEventOrder1764300012000,
  AgendaReadIndexes1764400001000,
  MeetingBlocks1764500001000,
  DemoMonth1764600001000,
  OpeningRangeChanges1765001001000,
  PooledSnpBookings1765005002000,
  PatientMessages1765003001000,
  MultiSiteDays1765002001000,
];
