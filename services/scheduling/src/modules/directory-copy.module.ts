import { Module } from '@nestjs/common';
import {
  DIRECTORY_COPY_EMPTY_AT_BOOT,
  DirectoryCopyRebuilder,
} from '../application/projections/directory-copy.rebuilder';
import { DirectoryCopyRepository } from '../application/ports/directory-copy.repository';
import { DirectoryProjection } from '../application/projections/directory-projection';
import { DirectoryEventsHandler } from '../interface/events/directory-events.handler';
import { CalendarFeedsModule } from './calendar-feeds.module';
import { DirectoryClientModule } from './directory-client.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/**
 * Scheduling's copy of the directory (sites, memberships), fed by its events and rebuilt from it when empty; a member
 * who leaves also loses their calendar feeds (CalendarFeedsModule).
 */
@Module({
  imports: [SchedulingPersistenceModule, DirectoryClientModule, CalendarFeedsModule],
  providers: [
    DirectoryProjection,
    DirectoryCopyRebuilder,
    // Resolved while the service is created, before its consumer can apply an event (the database is migrated by then).
    {
      provide: DIRECTORY_COPY_EMPTY_AT_BOOT,
      useFactory: (copy: DirectoryCopyRepository) => copy.isEmpty(),
      inject: [DirectoryCopyRepository],
    },
    DirectoryEventsHandler,
  ],
})
export class DirectoryCopyModule {}
