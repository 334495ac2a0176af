import { Module } from '@nestjs/common';
import { AddMemberHandler } from '../application/members/add-member.handler';
import { RemoveMemberHandler } from '../application/members/remove-member.handler';
import { UpdateMemberHandler } from '../application/members/update-member.handler';
import { MemberResolver } from '../interface/graphql/resolvers/member.resolver';
import { MembershipResolver } from '../interface/graphql/resolvers/membership.resolver';
import { DirectoryPersistenceModule } from './directory-persistence.module';
import { DirectoryReadsModule } from './directory-reads.module';

/** A structure's team: adding, updating and removing members and their memberships. */
@Module({
  imports: [DirectoryPersistenceModule, DirectoryReadsModule],
  providers: [AddMemberHandler, UpdateMemberHandler, RemoveMemberHandler, MemberResolver, MembershipResolver],
  exports: [AddMemberHandler, UpdateMemberHandler],
})
export class MembersModule {}
