import { Module } from '@nestjs/common';
import { TeamProjection } from '../application/projections/team-projection';
import { TEAM_COPY_EMPTY_AT_BOOT, TeamCopyRebuilder } from '../application/projections/team-copy.rebuilder';
import { TeamDirectory } from '../application/ports/team-directory.port';
import { TeamRepository } from '../application/ports/team.repository';
import { HttpTeamDirectory } from '../infrastructure/clients/http-team-directory';
import { DirectoryEventsHandler } from '../interface/events/directory-events.handler';
import { CoordinationPersistenceModule } from './coordination-persistence.module';

/** Members (professions, roles, sites) and sites (time zones) from the directory's events. */
@Module({
  imports: [CoordinationPersistenceModule],
  providers: [
    TeamProjection,
    TeamCopyRebuilder,
    // Resolved while the service is created, before its consumer can apply an event (the database is migrated by then).
    {
      provide: TEAM_COPY_EMPTY_AT_BOOT,
      useFactory: (team: TeamRepository) => team.isEmpty(),
      inject: [TeamRepository],
    },
    DirectoryEventsHandler,
    { provide: TeamDirectory, useClass: HttpTeamDirectory },
  ],
  exports: [TeamProjection],
})
export class TeamCopyModule {}
