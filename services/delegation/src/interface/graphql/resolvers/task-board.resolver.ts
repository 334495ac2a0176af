import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { AssignTaskHandler } from '../../../application/tasks/assign-task.handler';
import { BoardQuery } from '../../../application/tasks/board.query';
import { CreateTaskHandler } from '../../../application/tasks/create-task.handler';
import { MoveTaskHandler } from '../../../application/tasks/move-task.handler';
import { TaskNotesHandler } from '../../../application/tasks/task-notes.handler';
import {
  AssignTaskInput,
  AttachToTaskInput,
  BoardFilterInput,
  CommentTaskInput,
  CreateTaskInput,
  MoveTaskInput,
} from '../inputs/delegation.inputs';
import { toTaskType } from '../mappers/delegation.mappers';
import type { TaskStatusEnum } from '../types/delegation-enums';
import {
  PatientRefType,
  TaskAttachmentType,
  TaskCommentType,
  TaskDetailType,
  TaskMoveResultType,
  TaskObjectType,
} from '../types/delegation.types';

/** DEL-3 and DEL-4: the board, a task's detail and history, and the moves on it. */
@Resolver(() => TaskObjectType)
export class TaskBoardResolver {
  constructor(
    private readonly board: BoardQuery,
    private readonly creator: CreateTaskHandler,
    private readonly assigner: AssignTaskHandler,
    private readonly mover: MoveTaskHandler,
    private readonly notes: TaskNotesHandler,
  ) {}

  @Query(() => [TaskObjectType], { description: 'The board, filtered: mine, my pool, to validate…' })
  async taskBoard(@CurrentUser() user: UserContext, @Args('filter') filter: BoardFilterInput) {
    return (await this.board.board(user, filter)).map(toTaskType);
  }

  @Query(() => TaskDetailType, { description: 'A task with its audit trail, comments and attachments' })
  async task(@CurrentUser() user: UserContext, @Args('id', { type: () => ID }) id: string) {
    const detail = await this.board.detail(user, id);
    return {
      ...detail,
      task: toTaskType(detail.task),
      history: detail.history.map((h) => ({
        ...h,
        fromStatus: h.fromStatus as TaskStatusEnum | null,
        toStatus: h.toStatus as TaskStatusEnum,
      })),
      allowedTargets: detail.allowedTargets as TaskStatusEnum[],
    };
  }

  @ResolveField(() => PatientRefType, {
    nullable: true,
    description: 'The patient, resolved by the directory (access-logged); null when the task is about no patient',
  })
  patient(@Parent() task: TaskObjectType): PatientRefType | null {
    return task.patientId ? { id: task.patientId } : null;
  }

  @Mutation(() => TaskObjectType)
  async createTask(@CurrentUser() user: UserContext, @Args('input') input: CreateTaskInput) {
    return toTaskType(await this.creator.execute(user, input));
  }

  @Mutation(() => TaskObjectType, { description: 'Gives a task to a person or puts it in a pool' })
  async assignTask(@CurrentUser() user: UserContext, @Args('input') input: AssignTaskInput) {
    return toTaskType(await this.assigner.execute(user, input));
  }

  @Mutation(() => TaskMoveResultType, {
    description: 'Moves a task to another column; illegal moves list the allowed ones',
  })
  async moveTask(@CurrentUser() user: UserContext, @Args('input') input: MoveTaskInput) {
    const outcome = await this.mover.execute(user, input);
    return { task: toTaskType(outcome.task), thresholdHits: outcome.thresholdHits };
  }

  @Mutation(() => TaskCommentType)
  commentTask(@CurrentUser() user: UserContext, @Args('input') input: CommentTaskInput) {
    return this.notes.comment(user, input);
  }

  @Mutation(() => TaskAttachmentType)
  attachToTask(@CurrentUser() user: UserContext, @Args('input') input: AttachToTaskInput) {
    return this.notes.attach(user, input);
  }
}
