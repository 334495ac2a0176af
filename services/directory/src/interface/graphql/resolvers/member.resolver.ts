import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import type { SubgraphContext } from '@msp/service-kit';
import { AddMemberHandler } from '../../../application/members/add-member.handler';
import { RemoveMemberHandler } from '../../../application/members/remove-member.handler';
import { UpdateMemberHandler } from '../../../application/members/update-member.handler';
import { DirectoryReader } from '../../../application/reads/directory-reader';
import { PROFESSIONS } from '../../../domain/profession';
import { DirectoryLoaders } from '../directory.loaders';
import { AddMemberInput, RemoveMemberInput, UpdateMemberInput } from '../inputs/member.inputs';
import { MembershipType, MemberType } from '../types/member.type';

@Resolver(() => MemberType)
export class MemberResolver {
  constructor(
    private readonly reader: DirectoryReader,
    private readonly adder: AddMemberHandler,
    private readonly updater: UpdateMemberHandler,
    private readonly remover: RemoveMemberHandler,
    private readonly loaders: DirectoryLoaders,
  ) {}

  @Query(() => MemberType, { description: 'The calling member' })
  me(@CurrentUser() user: UserContext) {
    return this.reader.member(user, user.memberId);
  }

  @Query(() => MemberType)
  member(@CurrentUser() user: UserContext, @Args('id', { type: () => ID }) id: string) {
    return this.reader.member(user, id);
  }

  @Query(() => [MemberType], { description: 'Current members of a structure, optionally of one site or profession' })
  async members(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string,
    @Args('profession', { type: () => String, nullable: true }) profession?: string,
  ) {
    return (await this.reader.members(user, { structureIds: [structureId], siteId, profession })).map((m) => m.member);
  }

  @Query(() => [String], { description: 'Professions a member can hold' })
  professions() {
    return PROFESSIONS;
  }

  @Mutation(() => MemberType)
  addMember(@CurrentUser() user: UserContext, @Args('input') input: AddMemberInput) {
    return this.adder.execute(user, input);
  }

  @Mutation(() => MemberType)
  updateMember(@CurrentUser() user: UserContext, @Args('input') input: UpdateMemberInput) {
    return this.updater.execute(user, input);
  }

  @Mutation(() => Boolean, { description: 'Ends the membership; history is kept' })
  removeMember(@CurrentUser() user: UserContext, @Args('input') input: RemoveMemberInput) {
    return this.remover.execute(user, input);
  }

  @ResolveField(() => [MembershipType], {
    description: 'Memberships in the structures the caller shares with this member',
  })
  memberships(@Parent() member: MemberType, @Context() context: SubgraphContext) {
    return this.loaders.membershipsOf(context).load(member.id);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, context: SubgraphContext) {
    return this.loaders.visibleMember(context).load(reference.id);
  }
}
