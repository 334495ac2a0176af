import { Injectable } from '@nestjs/common';
import { isRole, type UserContext } from '@msp/auth';
import { Clock, demoMonth } from '@msp/service-kit';
import type { TeamMember } from '../application/ports/team.repository';
import type { Task } from '../application/ports/task.repository';
import { CreateTaskHandler } from '../application/tasks/create-task.handler';
import { MoveTaskHandler } from '../application/tasks/move-task.handler';
import type { TaskStatus } from '../domain/tasks/task-board';
import { REVIEW_ZONE } from '../domain/time/iso-week';
import { planDelegationMonth, type DemoPlannedTask, type DemoStep, type DemoTaskKind } from './demo-month.plan';

/** The protocol adopted for a kind of the month's tasks: its id and validation circuit. */
export interface AdoptedDemoProtocol {
  id: string;
  validationCircuit: string;
}

export interface DemoMonthTeam {
  structureId: string;
  members: readonly TeamMember[];
  /** The medical assistant whose referent adopted the protocols, if the structure has one. */
  assistant: TeamMember | null;
}

/** What the month left, from the handlers' own answers. */
export interface DemoMonthOutcome {
  month: string;
  created: number;
  /** Done by a delegate: `delegation.task.completed.v1` with `delegated: true`. */
  completedDelegated: number;
  /** Escalated on an alert threshold and resolved by the physician: completed, not delegated. */
  resolvedByPhysician: number;
  delegatedMinutes: number;
  /** Tasks on the board at the end of the month, by status. */
  open: Partial<Record<TaskStatus, number>>;
}

const TARGET: Record<DemoStep['move'], TaskStatus> = {
  start: 'in_progress',
  submit: 'awaiting_validation',
  complete: 'done',
  validate: 'done',
  resolve: 'done',
};

/**
 * Plays the demo month of one structure (see `demo-month.plan.ts`): each task made by its author through
 * `CreateTaskHandler`, each move through `MoveTaskHandler` by whoever the board says may make it, every step inside
 * `Clock.at(instant)` so the handlers' rules, audit lines and events carry the month's instants. Runs in the caller's
 * transaction: the month is written whole or not at all.
 */
@Injectable()
export class DemoMonthPlayer {
  constructor(
    private readonly createTask: CreateTaskHandler,
    private readonly moveTask: MoveTaskHandler,
    private readonly clock: Clock,
  ) {}

  async play(team: DemoMonthTeam, protocols: ReadonlyMap<string, AdoptedDemoProtocol>): Promise<DemoMonthOutcome> {
    const { structureId, members, assistant } = team;
    const month = demoMonth(this.clock.now(), REVIEW_ZONE);
    const gps = members.filter((m) => m.profession === 'general_practitioner' && m.roles.includes('practitioner'));
    const secretaries = members.filter((m) => m.roles.includes('secretary'));
    const worksFor = assistant
      ? [assistant.referentId, assistant.backupReferentId].filter((id): id is string => !!id)
      : [];
    const circuits: Partial<Record<DemoTaskKind, string>> = {};
    for (const [kind, protocol] of protocols) circuits[kind as DemoTaskKind] = protocol.validationCircuit;
    const plan = planDelegationMonth({
      seed: `${structureId}:delegation-demo-month`,
      month,
      zone: REVIEW_ZONE,
      staff: {
        gps,
        assistant: assistant ? { memberId: assistant.memberId, siteIds: assistant.siteIds, worksFor } : null,
        secretaries: protocols.has('patient_records') || protocols.has('billing') ? secretaries : [],
      },
      circuits,
    });
    const byId = new Map(members.map((m) => [m.memberId, m]));
    const userOf = (memberId: string): UserContext => {
      const member = byId.get(memberId);
      if (!member) throw new Error(`Demo month: member ${memberId} is not in the team copy`);
      return {
        memberId,
        memberships: [{ structureId, roles: member.roles.filter(isRole), siteIds: member.siteIds }],
      };
    };

    // Creations and moves in one timeline: a task is made before anything happens to it.
    type Entry = { at: Date; create?: DemoPlannedTask; step?: DemoStep };
    const timeline: Entry[] = [
      ...plan.tasks.map((task): Entry => ({ at: task.createdAt, create: task })),
      ...plan.steps.map((step): Entry => ({ at: step.at, step })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.create ? -1 : 0) - (b.create ? -1 : 0));

    const tasks = new Map<number, Task>();
    const outcome: DemoMonthOutcome = {
      month: plan.month,
      created: 0,
      completedDelegated: 0,
      resolvedByPhysician: 0,
      delegatedMinutes: 0,
      open: {},
    };
    for (const entry of timeline) {
      if (entry.create) {
        const planned = entry.create;
        const task = await this.clock.at(entry.at, () =>
          this.createTask.execute(userOf(planned.createdBy), {
            structureId,
            siteId: planned.siteId,
            protocolId: protocols.get(planned.kind)?.id ?? null,
            taskType: planned.kind,
            title: planned.title,
            description: planned.description,
            priority: planned.priority,
            assigneeId: planned.assigneeId,
            poolRole: planned.poolRole,
            physicianId: planned.physicianId,
          }),
        );
        tasks.set(planned.index, task);
        outcome.created++;
        continue;
      }
      const step = entry.step as DemoStep;
      const task = tasks.get(step.task);
      if (!task || task.status === 'done') continue;
      // The validator's step: whoever the board then names — the validator the submission chose, or, when an alert
      // threshold sent the task back instead, the physician it was escalated to.
      const escalated = task.status === 'escalated';
      if (escalated && step.move !== 'resolve' && step.move !== 'validate') continue;
      const actorId = step.actorId ?? (escalated ? task.escalatedTo : task.validatorId) ?? task.physicianId;
      if (!actorId) continue;
      const { task: moved } = await this.clock.at(step.at, () =>
        this.moveTask.execute(userOf(actorId), {
          taskId: task.id,
          to: escalated ? 'done' : TARGET[step.move],
          expectedVersion: task.version,
          report: step.report ?? null,
          flags: step.flags ?? null,
        }),
      );
      tasks.set(step.task, moved);
      if (moved.status === 'done') {
        if (moved.delegated) {
          outcome.completedDelegated++;
          outcome.delegatedMinutes += moved.standardMinutes ?? 0;
        } else outcome.resolvedByPhysician++;
      }
    }
    for (const task of tasks.values())
      if (task.status !== 'done') outcome.open[task.status] = (outcome.open[task.status] ?? 0) + 1;
    return outcome;
  }
}
