import { Module } from '@nestjs/common';
import { CallerLookupQuery } from '../application/identity/caller-lookup.query';
import { DemoCallersQuery } from '../application/identity/demo-callers.query';
import { MemberContextQuery } from '../application/identity/member-context.query';
import { TeamSnapshotQuery } from '../application/identity/team-snapshot.query';
import { IdentityInternalController } from '../interface/internal/identity-internal.controller';
import { DirectoryPersistenceModule } from './directory-persistence.module';
import { PatientsModule } from './patients.module';

/**
 * The internal identity API: a member's context, a structure's team snapshot, who a caller's number belongs to, and (in
 * development) the numbers call routing's demo month dials from.
 */
@Module({
  imports: [DirectoryPersistenceModule, PatientsModule],
  controllers: [IdentityInternalController],
  providers: [MemberContextQuery, TeamSnapshotQuery, CallerLookupQuery, DemoCallersQuery],
})
export class IdentityModule {}
