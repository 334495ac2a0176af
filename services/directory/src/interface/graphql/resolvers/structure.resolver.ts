import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import type { SubgraphContext } from '@msp/service-kit';
import { DirectoryReader } from '../../../application/reads/directory-reader';
import { AddCptsMemberStructureHandler } from '../../../application/structures/add-cpts-member-structure.handler';
import { AddCptsMemberStructureInput } from '../inputs/structure.inputs';
import { DirectoryError } from '../../../domain/directory-error';
import { DirectoryLoaders } from '../directory.loaders';
import { MemberType } from '../types/member.type';
import { SiteType } from '../types/site.type';
import { StructureKindGql, StructureType } from '../types/structure.type';

@Resolver(() => StructureType)
export class StructureResolver {
  constructor(
    private readonly reader: DirectoryReader,
    private readonly loaders: DirectoryLoaders,
    private readonly addCptsMember: AddCptsMemberStructureHandler,
  ) {}

  @Mutation(() => StructureType, {
    description:
      'A CPTS’s coordinator or administrator brings a member MSP onto the platform with its first administrator; the same call again answers the MSP it created',
  })
  async addCptsMemberStructure(@CurrentUser() user: UserContext, @Args('input') input: AddCptsMemberStructureInput) {
    return (await this.addCptsMember.execute(user, input)).structure;
  }

  @Query(() => [StructureType], { description: 'The structures the caller belongs to' })
  structures(@CurrentUser() user: UserContext) {
    return this.reader.myStructures(user);
  }

  @Query(() => StructureType)
  structure(@CurrentUser() user: UserContext, @Args('id', { type: () => ID }) id: string) {
    return this.reader.structure(user, id);
  }

  @ResolveField(() => [SiteType])
  sites(@CurrentUser() user: UserContext, @Parent() structure: StructureType, @Context() context: SubgraphContext) {
    this.reader.assertReadable(user, structure.id);
    return this.loaders.sitesOf(context).load(structure.id);
  }

  @ResolveField(() => [MemberType])
  members(
    @CurrentUser() user: UserContext,
    @Parent() structure: StructureType,
    @Context() context: SubgraphContext,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string,
    @Args('profession', { type: () => String, nullable: true }) profession?: string,
  ) {
    this.reader.assertReadable(user, structure.id);
    return this.loaders.membersOf(context, siteId ?? null, profession ?? null).load(structure.id);
  }

  @ResolveField(() => StructureType, { nullable: true, description: 'The CPTS whose territory this MSP is in' })
  cpts(@Parent() structure: StructureType, @Context() context: SubgraphContext) {
    return structure.cptsId ? this.loaders.linkedStructure(context).load(structure.cptsId) : null;
  }

  @ResolveField(() => [StructureType], {
    description: 'For a CPTS, its member MSPs (addCptsMemberStructure), for the CPTS’s members; empty for an MSP',
  })
  memberStructures(@CurrentUser() user: UserContext, @Parent() structure: StructureType) {
    return structure.kind === StructureKindGql.CPTS ? this.reader.cptsMsps(user, structure.id) : [];
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: SubgraphContext) {
    const structure = await this.loaders.readableStructure(context).load(reference.id);
    if (!structure) throw DirectoryError.notFound('Structure', 'id');
    return structure;
  }
}
