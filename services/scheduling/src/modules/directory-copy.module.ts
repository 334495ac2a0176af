import { Module } from '@nestjs/common';
import { DirectoryCopyRebuilder } from '../application/projections/directory-copy.rebuilder';
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
  providers: [DirectoryProjection, DirectoryCopyRebuilder, DirectoryEventsHandler],
})
export class DirectoryCopyModule {}
