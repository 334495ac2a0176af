import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { manyByKey, requestLoader, type SubgraphContext } from '@msp/service-kit';
import { CurrentUser, type UserContext } from '@msp/auth';
import { DraftProtocolHandler } from '../../../application/protocols/draft-protocol.handler';
import { ProtocolLifecycleHandler } from '../../../application/protocols/protocol-lifecycle.handler';
import { ProtocolsQuery } from '../../../application/protocols/protocols.query';
import { AdoptProtocolInput, DraftProtocolInput, EditProtocolInput } from '../inputs/delegation.inputs';
import { toProtocolType, toProtocolVersionType } from '../mappers/delegation.mappers';
import { ProtocolType, ProtocolVersionType } from '../types/delegation.types';

/** DEL-2: protocols, drafted by the team and adopted, revised or retired by a physician. */
@Resolver(() => ProtocolType)
export class ProtocolResolver {
  constructor(
    private readonly protocols: ProtocolsQuery,
    private readonly drafts: DraftProtocolHandler,
    private readonly lifecycle: ProtocolLifecycleHandler,
  ) {}

  @Query(() => [ProtocolType], { description: "The structure's delegation protocols" })
  async delegationProtocols(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
  ) {
    return (await this.protocols.ofStructure(user, structureId)).map(toProtocolType);
  }

  @Query(() => ProtocolType)
  async delegationProtocol(@CurrentUser() user: UserContext, @Args('id', { type: () => ID }) id: string) {
    return toProtocolType(await this.protocols.byId(user, id));
  }

  @ResolveField(() => [ProtocolVersionType], { description: 'Every version, newest first' })
  versions(@Parent() protocol: ProtocolType, @Context() context: SubgraphContext) {
    return requestLoader(context, 'protocol-versions', async (ids: readonly string[]) =>
      manyByKey(ids, await this.protocols.versionsOf(ids), (v) => v.protocolId).map((own) =>
        own.map(toProtocolVersionType),
      ),
    ).load(protocol.id);
  }

  @Mutation(() => ProtocolType, { description: 'Drafts a protocol (practitioners, coordinators, administrators)' })
  async draftProtocol(@CurrentUser() user: UserContext, @Args('input') input: DraftProtocolInput) {
    return toProtocolType(await this.drafts.execute(user, input));
  }

  @Mutation(() => ProtocolType, { description: "Replaces a draft's content" })
  async editProtocolDraft(@CurrentUser() user: UserContext, @Args('input') input: EditProtocolInput) {
    return toProtocolType(await this.drafts.edit(user, input));
  }

  @Mutation(() => ProtocolType, { description: 'A physician adopts a draft: tasks of its type are done under it' })
  async adoptProtocol(@CurrentUser() user: UserContext, @Args('input') input: AdoptProtocolInput) {
    return toProtocolType(await this.lifecycle.adopt(user, input));
  }

  @Mutation(() => ProtocolType, { description: 'A physician revises an adopted protocol: a new version' })
  async reviseProtocol(@CurrentUser() user: UserContext, @Args('input') input: EditProtocolInput) {
    return toProtocolType(await this.lifecycle.revise(user, input));
  }

  @Mutation(() => ProtocolType, { description: 'A physician retires a protocol: no new task is done under it' })
  async retireProtocol(@CurrentUser() user: UserContext, @Args('protocolId', { type: () => ID }) protocolId: string) {
    return toProtocolType(await this.lifecycle.retire(user, { protocolId }));
  }
}
