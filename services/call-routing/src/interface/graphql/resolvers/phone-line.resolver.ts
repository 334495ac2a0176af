import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { LinesQuery } from '../../../application/lines/lines.query';
import { ManageLinesHandler } from '../../../application/lines/manage-lines.handler';
import { AddPhoneLineInput } from '../inputs/call-routing.inputs';
import { PhoneLineType } from '../types/call-routing.types';

@Resolver(() => PhoneLineType)
export class PhoneLineResolver {
  constructor(
    private readonly lines: LinesQuery,
    private readonly manager: ManageLinesHandler,
  ) {}

  @Query(() => [PhoneLineType], { description: "The structure's phone lines" })
  phoneLines(@CurrentUser() user: UserContext, @Args('structureId', { type: () => ID }) structureId: string) {
    return this.lines.ofStructure(user, structureId);
  }

  @Mutation(() => PhoneLineType, { description: "Adds a site's or a practitioner's line (administrators)" })
  addPhoneLine(@CurrentUser() user: UserContext, @Args('input') input: AddPhoneLineInput) {
    return this.manager.add(user, input);
  }

  @Mutation(() => PhoneLineType, { description: 'Removes a line; its number may then be given to another' })
  removePhoneLine(@CurrentUser() user: UserContext, @Args('lineId', { type: () => ID }) lineId: string) {
    return this.manager.remove(user, lineId);
  }
}
