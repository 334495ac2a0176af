import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { SubgraphContext } from '@msp/service-kit';
import { DirectoryError } from '../../../domain/directory-error';
import { DirectoryLoaders } from '../directory.loaders';
import { MembershipType, MemberType } from '../types/member.type';
import { SiteType } from '../types/site.type';
import { StructureType } from '../types/structure.type';

@Resolver(() => MembershipType)
export class MembershipResolver {
  constructor(private readonly loaders: DirectoryLoaders) {}

  @ResolveField(() => StructureType)
  async structure(@Parent() membership: MembershipType, @Context() context: SubgraphContext) {
    const structure = await this.loaders.readableStructure(context).load(membership.structureId);
    if (!structure) throw DirectoryError.notFound('Structure', 'id');
    return structure;
  }

  @ResolveField(() => [SiteType])
  async sites(@Parent() membership: MembershipType, @Context() context: SubgraphContext) {
    const sites = await Promise.all(membership.siteIds.map((id) => this.loaders.readableSite(context).load(id)));
    return sites.filter((site) => site !== null);
  }

  @ResolveField(() => MemberType, { nullable: true, description: 'The physician who validates this delegate’s work' })
  referent(@Parent() membership: MembershipType, @Context() context: SubgraphContext) {
    return membership.referentId ? this.loaders.visibleMember(context).load(membership.referentId) : null;
  }

  @ResolveField(() => MemberType, { nullable: true })
  backupReferent(@Parent() membership: MembershipType, @Context() context: SubgraphContext) {
    return membership.backupReferentId ? this.loaders.visibleMember(context).load(membership.backupReferentId) : null;
  }
}
