import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { DirectoryReader } from '../../../application/reads/directory-reader';
import { MembershipType, MemberType } from '../types/member.type';
import { SiteType } from '../types/site.type';
import { StructureType } from '../types/structure.type';

@Resolver(() => MembershipType)
export class MembershipResolver {
  constructor(private readonly reader: DirectoryReader) {}

  @ResolveField(() => StructureType)
  structure(@CurrentUser() user: UserContext, @Parent() membership: MembershipType) {
    return this.reader.structure(user, membership.structureId);
  }

  @ResolveField(() => [SiteType])
  sites(@Parent() membership: MembershipType) {
    return this.reader.sitesByIds(membership.siteIds);
  }

  @ResolveField(() => MemberType, { nullable: true, description: 'The physician who validates this delegate’s work' })
  async referent(@CurrentUser() user: UserContext, @Parent() membership: MembershipType) {
    return membership.referentId
      ? ((await this.reader.visibleMembers(user, [membership.referentId]))[0] ?? null)
      : null;
  }

  @ResolveField(() => MemberType, { nullable: true })
  async backupReferent(@CurrentUser() user: UserContext, @Parent() membership: MembershipType) {
    return membership.backupReferentId
      ? ((await this.reader.visibleMembers(user, [membership.backupReferentId]))[0] ?? null)
      : null;
  }
}
