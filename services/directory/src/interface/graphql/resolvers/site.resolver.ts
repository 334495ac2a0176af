import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentUser, SubgraphAuthenticator, type UserContext } from '@msp/auth';
import { DirectoryReader } from '../../../application/reads/directory-reader';
import { ChangeSiteHoursHandler } from '../../../application/sites/change-site-hours.handler';
import { OpenSiteHandler } from '../../../application/sites/open-site.handler';
import { ChangeSiteHoursInput, OpenSiteInput } from '../inputs/site.inputs';
import { SiteType } from '../types/site.type';
import { StructureType } from '../types/structure.type';

@Resolver(() => SiteType)
export class SiteResolver {
  constructor(
    private readonly reader: DirectoryReader,
    private readonly opener: OpenSiteHandler,
    private readonly changeHours: ChangeSiteHoursHandler,
    private readonly auth: SubgraphAuthenticator,
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
  structure(@CurrentUser() user: UserContext, @Parent() site: SiteType) {
    return this.reader.structure(user, site.structureId);
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: object) {
    return this.reader.site(await this.auth.fromGraphQLContext(context), reference.id);
  }
}
