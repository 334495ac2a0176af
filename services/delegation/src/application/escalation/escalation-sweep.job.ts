import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock, PeriodicTask } from '@msp/service-kit';
import { TaskRepository, type Task } from '../ports/task.repository';
import { TeamRepository } from '../ports/team.repository';
import { recordTaskEvent } from '../task-events';
import { EscalationPolicy } from './escalation-policy';

export const SWEEP_SETTINGS = Symbol('SWEEP_SETTINGS');
export interface SweepSettings {
  intervalMs: number;
}

const BATCH = 100;

export interface SweepSummary {
  /** Open tasks past their due time, sent back to a physician. */
  overdue: number;
  /** Escalations and validations moved from someone away to the next person. */
  rerouted: number;
}

/**
 * DEL-5 over time: a task past its deadline escalates to the delegate's referent (their backup, the physician…), and
 * what waits on someone who has gone away moves on to the next present person. Rows are locked with SKIP LOCKED, so
 * replicas share the work, and each task moves once per run.
 */
@Injectable()
export class EscalationSweepJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EscalationSweepJob.name);
  private readonly task = new PeriodicTask(() => this.sweep(), {
    onDone: ({ overdue, rerouted }) => {
      if (overdue || rerouted) this.logger.log({ msg: 'escalation sweep', overdue, rerouted });
    },
    onFailure: (error) => this.logger.warn(`Escalation sweep failed: ${error.message}`),
  });

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tasks: TaskRepository,
    private readonly team: TeamRepository,
    private readonly policy: EscalationPolicy,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(SWEEP_SETTINGS) private readonly settings: SweepSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.settings.intervalMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  async sweep(): Promise<SweepSummary> {
    const now = this.clock.now();
    const overdue = await this.transactions.run(async () => {
      const due = await this.tasks.lockOverdue(now, BATCH);
      for (const task of due) await this.escalateOverdue(task, now);
      return due.length;
    });
    const rerouted = await this.transactions.run(async () => {
      const away = await this.team.allAwayAt(now);
      if (away.length === 0) return 0;
      let moved = 0;
      for (const task of await this.tasks.lockWaitingOn(away, BATCH)) if (await this.reroute(task, now)) moved++;
      return moved;
    });
    return { overdue, rerouted };
  }

  private async escalateOverdue(task: Task, now: Date): Promise<void> {
    const target = await this.policy.targetFor(task, now);
    const next: Task = {
      ...task,
      status: 'escalated',
      escalatedTo: target.kind === 'member' ? target.memberId : null,
      escalationReason: 'deadline',
      updatedAt: now,
      version: task.version + 1,
    };
    if (!(await this.write(task, next, 'escalate', `deadline passed (${task.dueAt?.toISOString()})`, now))) return;
    await recordTaskEvent(this.outbox, 'delegation.task.escalated.v1', next, {
      reason: 'deadline',
      thresholdKinds: [],
      escalatedTo: next.escalatedTo,
      escalatedBy: null,
      escalatedAt: now.toISOString(),
    });
  }

  /** Nothing waits on someone away: the next present person of the chain takes the escalation or the validation. */
  private async reroute(task: Task, now: Date): Promise<boolean> {
    const target = await this.policy.targetFor(task, now);
    const to = target.kind === 'member' ? target.memberId : null;
    const current = task.status === 'escalated' ? task.escalatedTo : task.validatorId;
    if (to === current) return false;
    const next: Task =
      task.status === 'escalated'
        ? { ...task, escalatedTo: to, escalationReason: 'target_absent' }
        : { ...task, validatorId: to };
    const written = await this.write(
      task,
      { ...next, updatedAt: now, version: task.version + 1 },
      'reroute',
      'the person it waited on is away',
      now,
    );
    if (written && task.status === 'escalated')
      await recordTaskEvent(
        this.outbox,
        'delegation.task.escalated.v1',
        { ...next, version: task.version + 1 },
        {
          reason: 'target_absent',
          thresholdKinds: [],
          escalatedTo: to,
          escalatedBy: null,
          escalatedAt: now.toISOString(),
        },
      );
    return written;
  }

  private write(task: Task, next: Task, move: 'escalate' | 'reroute', reason: string, now: Date): Promise<boolean> {
    return this.tasks.update(next, task.version, {
      fromStatus: task.status,
      toStatus: next.status,
      move,
      actorId: null,
      reason,
      at: now,
      version: next.version,
    });
  }
}
