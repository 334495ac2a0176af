import { Injectable } from '@nestjs/common';
import { escalationTarget, type EscalationChain, type EscalationTarget } from '../../domain/tasks/escalation-target';
import type { Task } from '../ports/task.repository';
import { TeamRepository } from '../ports/team.repository';

/**
 * DEL-5: whom a task goes back to, and who validates it — the delegate's referent, their backup when the referent is
 * away (scheduling's absences), then the physician the task is for; never someone who is away.
 */
@Injectable()
export class EscalationPolicy {
  constructor(private readonly team: TeamRepository) {}

  async chainOf(task: Task): Promise<EscalationChain> {
    const delegate = task.assigneeId ? await this.team.member(task.structureId, task.assigneeId) : null;
    return {
      referentId: delegate?.referentId ?? null,
      backupReferentId: delegate?.backupReferentId ?? null,
      physicianId: task.physicianId,
    };
  }

  async targetFor(task: Task, now: Date): Promise<EscalationTarget> {
    return this.targetIn(await this.chainOf(task), task, now);
  }

  /** The target within a chain already read for this task (a move reads it once, for its permission check too). */
  async targetIn(chain: EscalationChain, task: Pick<Task, 'assigneeId'>, now: Date): Promise<EscalationTarget> {
    const named = [chain.referentId, chain.backupReferentId, chain.physicianId].filter((id): id is string => !!id);
    const away = await this.team.awayAt(named, now);
    // Never back to the delegate themselves (a physician's own task that escalates goes to their colleagues).
    return escalationTarget(chain, (id) => away.has(id) || id === task.assigneeId);
  }
}
