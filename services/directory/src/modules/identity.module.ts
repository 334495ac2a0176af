import { Module } from '@nestjs/common';
import { CallerLookupQuery } from '../application/identity/caller-lookup.query';
import { MemberContextQuery } from '../application/identity/member-context.query';
import { TeamSnapshotQuery } from '../application/identity/team-snapshot.query';
import { IdentityInternalController } from '../interface/internal/identity-internal.controller';
import { DirectoryPersistenceModule } from './directory-persistence.module';

/** The internal identity API: a member's context, a structure's team snapshot, who a caller's number belongs to. */
@Module({
  imports: [DirectoryPersistenceModule],
  controllers: [IdentityInternalController],
  providers: [MemberContextQuery, TeamSnapshotQuery, CallerLookupQuery],
})
export class IdentityModule {}
