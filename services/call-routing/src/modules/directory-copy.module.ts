import { Module } from '@nestjs/common';
import { DirectoryProjection } from '../application/projections/directory-projection';
import { DirectoryEventsHandler } from '../interface/events/directory-events.handler';
import { CallRoutingPersistenceModule } from './call-routing-persistence.module';

/** Sites (zones, hours) and memberships from the directory's events. */
@Module({
  imports: [CallRoutingPersistenceModule],
  providers: [DirectoryProjection, DirectoryEventsHandler],
})
export class DirectoryCopyModule {}
