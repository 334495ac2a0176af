import { Module } from '@nestjs/common';
import { TaskSources } from '../application/task-sources/task-sources';
import { SchedulingEventsHandler } from '../interface/events/scheduling-events.handler';
import { TaskSourceEventsHandler } from '../interface/events/task-source-events.handler';
import { DelegationPersistenceModule } from './delegation-persistence.module';
import { TaskBoardModule } from './task-board.module';
import { TeamCopyModule } from './team-copy.module';

/** Tasks from other services' facts: messages taken, meeting action items, exams to chase; absences too. */
@Module({
  imports: [DelegationPersistenceModule, TaskBoardModule, TeamCopyModule],
  providers: [TaskSources, TaskSourceEventsHandler, SchedulingEventsHandler],
})
export class TaskSourcesModule {}
