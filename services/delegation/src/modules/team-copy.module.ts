import { Module } from '@nestjs/common';
import { eventFedCopyRebuilder } from '@msp/service-kit';
import { TeamProjection } from '../application/projections/team-projection';
import { TeamCopyRebuilder } from '../application/projections/team-copy.rebuilder';
import { TeamDirectory } from '../application/ports/team-directory.port';
import { HttpTeamDirectory } from '../infrastructure/clients/http-team-directory';
import { DirectoryEventsHandler } from '../interface/events/directory-events.handler';
import { DelegationPersistenceModule } from './delegation-persistence.module';

/** Members, roles, referents and sites from the directory's events; absences from scheduling's (TeamProjection). */
@Module({
  imports: [DelegationPersistenceModule],
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
