import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { ArchiveMotifHandler } from '../../../application/motifs/archive-motif.handler';
import { CreateMotifHandler } from '../../../application/motifs/create-motif.handler';
import { EditMotifHandler } from '../../../application/motifs/edit-motif.handler';
import { MotifsQuery } from '../../../application/motifs/motifs.query';
import { ArchiveMotifInput, CreateMotifInput, EditMotifInput } from '../inputs/motif.inputs';
import { toMotifType } from '../mappers/agenda.mapper';
import { MotifType } from '../types/motif.type';

@Resolver(() => MotifType)
export class MotifResolver {
  constructor(
    private readonly motifsOf: MotifsQuery,
    private readonly creator: CreateMotifHandler,
    private readonly editor: EditMotifHandler,
    private readonly archiver: ArchiveMotifHandler,
  ) {}

  @Query(() => [MotifType], { description: 'Consultation types of a structure (archived ones only when asked for)' })
  async motifs(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('includeArchived', { type: () => Boolean, nullable: true }) includeArchived?: boolean | null,
  ) {
    return (await this.motifsOf.execute(user, { structureId, includeArchived })).map(toMotifType);
  }

  @Mutation(() => MotifType)
  async createMotif(@CurrentUser() user: UserContext, @Args('input') input: CreateMotifInput) {
    return toMotifType(await this.creator.execute(user, input));
  }

  @Mutation(() => MotifType, {
    description: 'Changes a motif for bookings to come; booked appointments keep their times',
  })
  async editMotif(@CurrentUser() user: UserContext, @Args('input') input: EditMotifInput) {
    return toMotifType(await this.editor.execute(user, input));
  }

  @Mutation(() => MotifType, {
    description: 'No longer offers a motif for new bookings (staff, online, virtual secretary); its appointments stay',
  })
  async archiveMotif(@CurrentUser() user: UserContext, @Args('input') input: ArchiveMotifInput) {
    return toMotifType(await this.archiver.execute(user, input));
  }
}
