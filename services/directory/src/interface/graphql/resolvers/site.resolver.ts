import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import type { SubgraphContext } from '@msp/service-kit';
import { DirectoryReader } from '../../../application/reads/directory-reader';
import { ChangeSiteHoursHandler } from '../../../application/sites/change-site-hours.handler';
import { OpenSiteHandler } from '../../../application/sites/open-site.handler';
import { DirectoryError } from '../../../domain/directory-error';
import { DirectoryLoaders } from '../directory.loaders';
import { ChangeSiteHoursInput, OpenSiteInput } from '../inputs/site.inputs';
import { SiteType } from '../types/site.type';
import { StructureType } from '../types/structure.type';

@Resolver(() => SiteType)
export class SiteResolver {
  constructor(
    private readonly reader: DirectoryReader,
    private readonly opener: OpenSiteHandler,
    private readonly changeHours: ChangeSiteHoursHandler,
    private readonly loaders: DirectoryLoaders,
  ) {}

  @Query(() => SiteType)
  site(@CurrentUser() user: UserContext, @Args('id', { type: () => ID }) id: string) {
    return this.reader.site(user, id);
  }

  @Mutation(() => SiteType, { description: 'Administrators open a site of their structure' })
  openSite(@CurrentUser() user: UserContext, @Args('input') input: OpenSiteInput) {
    return this.opener.execute(user, input);
  }

  @Mutation(() => SiteType)
  changeSiteHours(@CurrentUser() user: UserContext, @Args('input') input: ChangeSiteHoursInput) {
    return this.changeHours.execute(user, input);
  }

  @ResolveField(() => StructureType)
  async structure(@Parent() site: SiteType, @Context() context: SubgraphContext) {
    const structure = await this.loaders.readableStructure(context).load(site.structureId);
    if (!structure) throw DirectoryError.notFound('Structure', 'id');
    return structure;
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: SubgraphContext) {
    const site = await this.loaders.readableSite(context).load(reference.id);
    if (!site) throw DirectoryError.notFound('Site', 'id');
    return site;
  }
}
