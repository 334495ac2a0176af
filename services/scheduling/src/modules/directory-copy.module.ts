import { Module } from '@nestjs/common';
import { eventFedCopyRebuilder } from '@msp/service-kit';
import { DirectoryCopyRebuilder } from '../application/projections/directory-copy.rebuilder';
import { PatientDirectory } from '../application/ports/patient-directory.port';
import { DirectoryProjection } from '../application/projections/directory-projection';
import { DirectoryEventsHandler } from '../interface/events/directory-events.handler';
import { CalendarFeedsModule } from './calendar-feeds.module';
import { DirectoryClientModule } from './directory-client.module';
import { RemindersModule } from './reminders.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/**
 * Scheduling's copy of the directory (sites, memberships), fed by its events and rebuilt from it when empty (with the
 * patients' reminder consents, RemindersModule); a member
 * who leaves also loses their calendar feeds (CalendarFeedsModule).
 */
@Module({
  imports: [SchedulingPersistenceModule, DirectoryClientModule, CalendarFeedsModule, RemindersModule],
  providers: [
    DirectoryProjection,
    eventFedCopyRebuilder(DirectoryCopyRebuilder, {
      copy: DirectoryProjection,
      source: PatientDirectory,
      snapshot: (directory: PatientDirectory) => directory.team(),
    }),
    DirectoryEventsHandler,
  ],
})
export class DirectoryCopyModule {}
