import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { PublishRulebookHandler } from '../../../application/rulebooks/publish-rulebook.handler';
import { RulebooksQuery } from '../../../application/rulebooks/rulebooks.query';
import { PublishRulebookInput, RulebookScopeInput } from '../inputs/call-routing.inputs';
import { toRulebookType, toRulebookVersionType } from '../mappers/call-routing.mappers';
import { RulebookChangeType, RulebookType, RulebookVersionType } from '../types/call-routing.types';

@Resolver(() => RulebookType)
export class RulebookResolver {
  constructor(
    private readonly rulebooks: RulebooksQuery,
    private readonly publisher: PublishRulebookHandler,
  ) {}

  @Query(() => RulebookType, {
    description: "A site's or a practitioner's current rulebook (the default for a new site)",
  })
  async rulebook(@CurrentUser() user: UserContext, @Args('input') input: RulebookScopeInput) {
    return toRulebookType(await this.rulebooks.current(user, input.structureId, input));
  }

  @Query(() => [RulebookVersionType], { description: 'Who changed what, when: newest first' })
  async rulebookHistory(
    @CurrentUser() user: UserContext,
    @Args('input') input: RulebookScopeInput,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
  ) {
    return (await this.rulebooks.history(user, input.structureId, input, limit ?? 50)).map(toRulebookVersionType);
  }

  @Query(() => [RulebookChangeType], { description: 'What changed between two versions (from 0: everything)' })
  async rulebookDiff(
    @CurrentUser() user: UserContext,
    @Args('input') input: RulebookScopeInput,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', { type: () => Int }) to: number,
  ) {
    return (await this.rulebooks.diff(user, input.structureId, input, from, to)).map((c) => ({
      kind: c.kind,
      ruleId: c.ruleId,
      summary: c.summary,
    }));
  }

  @Mutation(() => RulebookVersionType, {
    description: 'Publishes a new version: refused with the path of each problem, warnings kept with the version',
  })
  async publishRulebook(@CurrentUser() user: UserContext, @Args('input') input: PublishRulebookInput) {
    return toRulebookVersionType(await this.publisher.execute(user, input));
  }
}
