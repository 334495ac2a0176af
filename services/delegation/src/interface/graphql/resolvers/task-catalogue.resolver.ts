import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { SetTaskTypeHandler } from '../../../application/catalogue/set-task-type.handler';
import { TaskCatalogueQuery } from '../../../application/catalogue/task-catalogue.query';
import { SetTaskTypeInput } from '../inputs/delegation.inputs';
import { TaskTypeType } from '../types/delegation.types';

/** DEL-1: the structure's task catalogue. */
@Resolver(() => TaskTypeType)
export class TaskCatalogueResolver {
  constructor(
    private readonly catalogue: TaskCatalogueQuery,
    private readonly editor: SetTaskTypeHandler,
  ) {}

  @Query(() => [TaskTypeType], { description: 'The task types the structure delegates, with their standard minutes' })
  taskCatalogue(@CurrentUser() user: UserContext, @Args('structureId', { type: () => ID }) structureId: string) {
    return this.catalogue.ofStructure(user, structureId);
  }

  @Mutation(() => TaskTypeType, { description: 'Edits a task type or adds one (administrators, coordinators)' })
  setTaskType(@CurrentUser() user: UserContext, @Args('input') input: SetTaskTypeInput) {
    return this.editor.execute(user, input);
  }
}
