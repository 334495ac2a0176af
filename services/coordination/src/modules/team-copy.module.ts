import { Module } from '@nestjs/common';
import { eventFedCopyRebuilder } from '@msp/service-kit';
import { TeamProjection } from '../application/projections/team-projection';
import { TeamCopyRebuilder } from '../application/projections/team-copy.rebuilder';
import { TeamDirectory } from '../application/ports/team-directory.port';
import { HttpTeamDirectory } from '../infrastructure/clients/http-team-directory';
import { DirectoryEventsHandler } from '../interface/events/directory-events.handler';
import { CoordinationPersistenceModule } from './coordination-persistence.module';

/** Members (professions, roles, sites) and sites (time zones) from the directory's events, or its snapshot when empty. */
@Module({
  imports: [CoordinationPersistenceModule],
  providers: [
    TeamProjection,
    eventFedCopyRebuilder(TeamCopyRebuilder, {
      copy: TeamProjection,
      source: TeamDirectory,
      snapshot: (directory: TeamDirectory) => directory.snapshot(),
    }),
    DirectoryEventsHandler,
    { provide: TeamDirectory, useClass: HttpTeamDirectory },
  ],
  // The directory's snapshot also tells the demo loader when a structure's whole team has arrived.
  exports: [TeamProjection, TeamDirectory],
})
export class TeamCopyModule {}
