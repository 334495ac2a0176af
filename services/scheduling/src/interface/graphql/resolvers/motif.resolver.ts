import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { CreateMotifHandler } from '../../../application/motifs/create-motif.handler';
import { MotifsQuery } from '../../../application/motifs/motifs.query';
import { CreateMotifInput } from '../inputs/motif.inputs';
import { toMotifType } from '../mappers/agenda.mapper';
import { MotifType } from '../types/motif.type';

@Resolver(() => MotifType)
export class MotifResolver {
  constructor(
    private readonly motifsOf: MotifsQuery,
    private readonly creator: CreateMotifHandler,
  ) {}

  @Query(() => [MotifType], { description: 'Consultation types of a structure' })
  async motifs(@CurrentUser() user: UserContext, @Args('structureId', { type: () => ID }) structureId: string) {
    return (await this.motifsOf.execute(user, { structureId })).map(toMotifType);
  }

  @Mutation(() => MotifType)
  async createMotif(@CurrentUser() user: UserContext, @Args('input') input: CreateMotifInput) {
    return toMotifType(await this.creator.execute(user, input));
  }
}
