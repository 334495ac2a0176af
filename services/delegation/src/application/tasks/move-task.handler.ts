import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { randomUUID } from 'node:crypto';
import { DelegationError, DelegationErrorCode } from '../../domain/delegation-error';
import { hitKinds, thresholdHits, type ThresholdHit } from '../../domain/protocols/alert-thresholds';
import {
  FINISHING_MOVES,
  MOVES_NEEDING_A_REASON,
  moveBetween,
  statusLabel,
  TASK_STATUSES_LIST,
  type TaskMove,
  type TaskStatus,
} from '../../domain/tasks/task-board';
import { TaskCatalogueQuery } from '../catalogue/task-catalogue.query';
import { EscalationPolicy } from '../escalation/escalation-policy';
import { assertText, assertUuid } from '../input-checks';
import { assertMember } from '../permissions';
import { ProtocolRepository } from '../ports/protocol.repository';
import { TaskRepository, type Task } from '../ports/task.repository';
import { recordTaskEvent } from '../task-events';
import { completionOf } from './task-completion';
import { assertMayMove, assertMayTake } from './task-permissions';
import { TaskFactory } from './task-factory';

export interface MoveTaskInput {
  taskId: string;
  to: string;
  /** The version the client saw: a move made on an older one is refused, naming the current state. */
  expectedVersion: number;
  reason?: string | null;
  /** What the delegate did, on submitting or completing: read against the protocol's keywords. */
  report?: string | null;
  /** Flags the delegate raises on submitting or completing (`abnormal_result`…). */
  flags?: string[] | null;
}

/** The outcome of a move: the task as it now is, and whether an alert threshold sent it to a physician instead. */
export interface MoveOutcome {
  task: Task;
  thresholdHits: ThresholdHit[];
}

/**
 * DEL-4 and DEL-5: one move on the board, by one person, on the version they saw. Illegal moves are refused with the
 * allowed ones; a finishing move that hits an alert threshold escalates instead; every move is audited and evented.
 */
@Injectable()
export class MoveTaskHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tasks: TaskRepository,
    private readonly protocols: ProtocolRepository,
    private readonly catalogue: TaskCatalogueQuery,
    private readonly factory: TaskFactory,
    private readonly escalation: EscalationPolicy,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: MoveTaskInput): Promise<MoveOutcome> {
    assertUuid(input.taskId, 'input.taskId');
    if (!TASK_STATUSES_LIST.includes(input.to as TaskStatus))
      throw DelegationError.invalid('input.to', `must be one of ${TASK_STATUSES_LIST.join(', ')}`);
    if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1)
      throw DelegationError.invalid('input.expectedVersion', 'must be the version of the task as you last read it');
    const reason = input.reason == null ? null : assertText(input.reason, 'input.reason').trim() || null;
    const report = input.report == null ? null : assertText(input.report, 'input.report').trim() || null;
    const flags = (input.flags ?? []).map((f, i) => assertText(f, `input.flags[${i}]`).trim()).filter(Boolean);

    return this.transactions.run(async () => {
      const task = await this.tasks.byId(input.taskId);
      const unseen = DelegationError.notFound('Task', 'input.taskId');
      if (!task) throw unseen;
      assertMember(user, task.structureId, unseen);
      if (task.version !== input.expectedVersion) throw staleTask(task);
      const move = moveBetween(task.status, input.to as TaskStatus, task.validationCircuit);
      if (MOVES_NEEDING_A_REASON.has(move) && !reason)
        throw DelegationError.invalid('input.reason', `is required to ${move.replace('_', ' ')} a task`);
      const now = this.clock.now();
      const chain = await this.escalation.chainOf(task);
      assertMayMove(user, task, move, chain);

      let next: Task = { ...task, status: input.to as TaskStatus, updatedAt: now, version: task.version + 1 };
      let recordedMove: TaskMove = move;
      let hits: ThresholdHit[] = [];
      if (move === 'start' && task.assigneeId !== user.memberId) {
        if (task.assigneeId)
          throw DelegationError.invalid('input.taskId', 'is assigned to someone else: ask for it to be reassigned');
        assertMayTake(user, task, await this.factory.executingRolesOf(task));
        next = { ...next, assigneeId: user.memberId, poolRole: null };
      }
      if (report)
        await this.tasks.addComment({
          id: randomUUID(),
          taskId: task.id,
          authorId: user.memberId,
          body: report,
          at: now,
        });
      if (FINISHING_MOVES.has(move)) {
        next = { ...next, flags: [...new Set([...task.flags, ...flags])] };
        hits = await this.thresholdsHit(next);
        if (hits.length) recordedMove = 'escalate';
      }
      // Escalating and submitting leave the assignee and physician as they were: the chain read above still holds.
      // The validator of a submission is whom it would escalate to (null: any practitioner of the site).
      if (recordedMove === 'escalate' || recordedMove === 'submit') {
        const target = await this.escalation.targetIn(chain, next, now);
        const memberId = target.kind === 'member' ? target.memberId : null;
        next =
          recordedMove === 'escalate'
            ? {
                ...next,
                status: 'escalated',
                escalatedTo: memberId,
                escalationReason: hits.length ? 'threshold' : 'requested',
              }
            : { ...next, validatorId: memberId };
      }
      if (next.status === 'done') {
        const delegated = move !== 'resolve';
        const physicianId = task.physicianId ?? chain.referentId;
        next = {
          ...next,
          ...(await completionOf(next, user.memberId, delegated, physicianId, now, this.protocols, this.catalogue)),
        };
      }
      if (move === 'return_to_delegate' || move === 'send_back')
        next = { ...next, escalatedTo: null, escalationReason: null };

      const auditReason = hits.length
        ? `alert threshold: ${hits.map((h) => `${h.kind} « ${h.entry} »`).join(', ')}`
        : reason;
      const written = await this.tasks.update(next, task.version, {
        fromStatus: task.status,
        toStatus: next.status,
        move: recordedMove,
        actorId: user.memberId,
        reason: auditReason,
        at: now,
        version: next.version,
      });
      if (!written) throw staleTask((await this.tasks.byId(task.id)) ?? task);
      await this.recordEvents(task, next, move, recordedMove, hits, user.memberId, now);
      return { task: next, thresholdHits: hits };
    });
  }

  private async thresholdsHit(task: Task): Promise<ThresholdHit[]> {
    if (!task.protocolId || !task.protocolVersion) return [];
    const version = await this.protocols.version(task.protocolId, task.protocolVersion);
    if (!version) return [];
    const comments = await this.tasks.comments(task.id);
    return thresholdHits(version.content.alertThresholds, {
      categories: task.categories,
      flags: task.flags,
      texts: [task.description, ...comments.map((c) => c.body)],
    });
  }

  private async recordEvents(
    before: Task,
    task: Task,
    move: TaskMove,
    recordedMove: TaskMove,
    hits: ThresholdHit[],
    actorId: string,
    now: Date,
  ): Promise<void> {
    const at = now.toISOString();
    if (move === 'start') {
      if (before.assigneeId !== task.assigneeId)
        await recordTaskEvent(this.outbox, 'delegation.task.assigned.v1', task, {
          previousAssigneeId: before.assigneeId,
          assignedBy: actorId,
          assignedAt: at,
        });
      await recordTaskEvent(this.outbox, 'delegation.task.started.v1', task, { startedBy: actorId, startedAt: at });
    }
    if (recordedMove === 'escalate')
      await recordTaskEvent(this.outbox, 'delegation.task.escalated.v1', task, {
        reason: hits.length ? 'threshold' : 'requested',
        thresholdKinds: hitKinds(hits),
        escalatedTo: task.escalatedTo,
        escalatedBy: actorId,
        escalatedAt: at,
      });
    if (recordedMove === 'submit')
      await recordTaskEvent(this.outbox, 'delegation.task.submitted.v1', task, {
        submittedBy: actorId,
        validatorId: task.validatorId,
        submittedAt: at,
      });
    if (move === 'validate')
      await recordTaskEvent(this.outbox, 'delegation.task.validated.v1', task, {
        validatedBy: actorId,
        validatedAt: at,
      });
    if (task.status === 'done')
      await recordTaskEvent(this.outbox, 'delegation.task.completed.v1', task, {
        completedBy: actorId,
        delegated: task.delegated ?? false,
        standardMinutes: task.standardMinutes ?? 0,
        isoWeek: task.isoWeek ?? '',
        completedAt: at,
      });
    if (move === 'cancel')
      await recordTaskEvent(this.outbox, 'delegation.task.cancelled.v1', task, {
        cancelledBy: actorId,
        cancelledAt: at,
      });
  }
}

/** Someone moved the task first: say where it is now, so the client can reload and decide again. */
export function staleTask(current: Task): DelegationError {
  return new DelegationError(
    DelegationErrorCode.StaleTask,
    `input.expectedVersion: the task was changed meanwhile; it is now ${statusLabel(current.status)} (version ${current.version})`,
    'input.expectedVersion',
  );
}
