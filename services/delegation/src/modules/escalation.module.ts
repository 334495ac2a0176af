import { Module } from '@nestjs/common';
import { EscalationSweepJob } from '../application/escalation/escalation-sweep.job';
import { DelegationPersistenceModule } from './delegation-persistence.module';
import { TaskBoardModule } from './task-board.module';

/** DEL-5 over time: missed deadlines escalate, and nothing waits on someone away. */
@Module({ imports: [DelegationPersistenceModule, TaskBoardModule], providers: [EscalationSweepJob] })
export class EscalationModule {}
