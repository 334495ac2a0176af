import { Module } from '@nestjs/common';
import { EscalationPolicy } from '../application/escalation/escalation-policy';
import { AssignTaskHandler } from '../application/tasks/assign-task.handler';
import { BoardQuery } from '../application/tasks/board.query';
import { CreateTaskHandler } from '../application/tasks/create-task.handler';
import { MoveTaskHandler } from '../application/tasks/move-task.handler';
import { TaskFactory } from '../application/tasks/task-factory';
import { TaskNotesHandler } from '../application/tasks/task-notes.handler';
import { TaskBoardResolver } from '../interface/graphql/resolvers/task-board.resolver';
import { DelegationPersistenceModule } from './delegation-persistence.module';
import { TaskCatalogueModule } from './task-catalogue.module';

/** DEL-3 to DEL-5: tasks made, assigned, moved on the board, commented, escalated on a threshold. */
@Module({
  imports: [DelegationPersistenceModule, TaskCatalogueModule],
  providers: [
    TaskFactory,
    EscalationPolicy,
    CreateTaskHandler,
    AssignTaskHandler,
    MoveTaskHandler,
    TaskNotesHandler,
    BoardQuery,
    TaskBoardResolver,
  ],
  exports: [TaskFactory, EscalationPolicy, CreateTaskHandler, AssignTaskHandler, MoveTaskHandler],
})
export class TaskBoardModule {}
