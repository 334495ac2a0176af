import { Args, ID, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentUser, SubgraphAuthenticator, type UserContext } from '@msp/auth';
import { DirectoryReader } from '../../../application/reads/directory-reader';
import { MemberType } from '../types/member.type';
import { SiteType } from '../types/site.type';
import { StructureType } from '../types/structure.type';

@Resolver(() => StructureType)
export class StructureResolver {
  constructor(
    private readonly reader: DirectoryReader,
    private readonly auth: SubgraphAuthenticator,
  ) {}

  @Query(() => [StructureType], { description: 'The structures the caller belongs to' })
  structures(@CurrentUser() user: UserContext) {
    return this.reader.myStructures(user);
  }

  @Query(() => StructureType)
  structure(@CurrentUser() user: UserContext, @Args('id', { type: () => ID }) id: string) {
    return this.reader.structure(user, id);
  }

  @ResolveField(() => [SiteType])
  sites(@CurrentUser() user: UserContext, @Parent() structure: StructureType) {
    return this.reader.sitesOf(user, structure.id);
  }

  @ResolveField(() => [MemberType])
  members(
    @CurrentUser() user: UserContext,
    @Parent() structure: StructureType,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string,
    @Args('profession', { type: () => String, nullable: true }) profession?: string,
  ) {
    return this.reader.members(user, { structureId: structure.id, siteId, profession });
  }

  @ResolveField(() => StructureType, { nullable: true, description: 'The CPTS whose territory this MSP is in' })
  cpts(@Parent() structure: StructureType) {
    return structure.cptsId ? this.reader.linkedStructure(structure.cptsId) : null;
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: object) {
    return this.reader.structure(await this.auth.fromGraphQLContext(context), reference.id);
  }
}
