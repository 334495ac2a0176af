import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { isRole, type UserContext } from '@msp/auth';
import { requireActiveManager, TransactionRunner } from '@msp/persistence';
import { BackgroundWatch, Clock, demoMonth } from '@msp/service-kit';
import { DateTime } from 'luxon';
import { ProtocolRepository } from '../application/ports/protocol.repository';
import { TeamDirectory } from '../application/ports/team-directory.port';
import { TeamRepository, type TeamMember } from '../application/ports/team.repository';
import { DraftProtocolHandler } from '../application/protocols/draft-protocol.handler';
import { ProtocolLifecycleHandler } from '../application/protocols/protocol-lifecycle.handler';
import { CreateTaskHandler } from '../application/tasks/create-task.handler';
import { REVIEW_ZONE } from '../domain/time/iso-week';
import { DemoMonthPlayer, type AdoptedDemoProtocol, type DemoMonthOutcome } from './demo-month.player';
import { DEMO_PROTOCOLS, DEMO_TASKS, type DemoTaskTarget } from './demo-protocols';

export const DEMO_PROTOCOLS_OPTIONS = Symbol('DEMO_PROTOCOLS_OPTIONS');

export interface DemoProtocolsOptions {
  /** `DELEGATION_DEMO_DATA=load`. */
  enabled: boolean;
  /** How often to look whether a structure's whole team has arrived, and how long before giving up. */
  pollMs: number;
  giveUpMs: number;
}

export interface DemoProtocolsSummary {
  structures: number;
  protocols: number;
  /** The morning's tasks made today. */
  tasks: number;
  /** The tasks of the demo month. */
  monthTasks: number;
}

/** Any fixed number, the same for every replica; distinct from the migration lock's. */
const DEMO_PROTOCOLS_LOCK_KEY = 727_274_104;

/**
 * A structure the demo delegates in, once its whole team has reached delegation's copy: the physician who adopts the
 * protocols (the medical assistant's referent, else its first GP), its medical assistant if any, its members.
 */
interface DemoTeam {
  structureId: string;
  adopter: TeamMember;
  assistant: TeamMember | null;
  members: TeamMember[];
}

export interface DemoStructureLoaded {
  protocols: number;
  tasks: number;
  month: DemoMonthOutcome;
}

/**
 * Gives the demo practices their delegation, in the background after boot, if delegation held no protocol at boot.
 * As soon as a structure's whole team (as the directory's snapshot lists it) has reached the team copy — a structure
 * with a medical assistant paired with a referent, or with a secretary and a GP — its physician drafts the demo
 * protocols its staff can execute the week before the demo month and adopts them on the month's first working day;
 * then the month is played (`DemoMonthPlayer`: the tasks physicians and secretaries handed over, worked, validated,
 * at the month's instants), then a morning's tasks are put on the board today. All through the application handlers
 * (every rule checked, every event recorded), in one transaction per structure under an advisory lock: replicas
 * booting together load each structure once, and a restart in the middle finds nothing half-written. It looks for a
 * few minutes, then stops.
 */
@Injectable()
export class DemoProtocolsLoader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DemoProtocols');
  private readonly loop = new BackgroundWatch();
  private looked!: () => void;
  private readonly firstLooked = new Promise<void>((resolve) => (this.looked = resolve));
  /** Structures a handler refused, and structures loaded (here or by a replica): not looked at again. */
  private readonly failed = new Set<string>();
  private readonly loaded = new Set<string>();

  constructor(
    @Inject(DEMO_PROTOCOLS_OPTIONS) private readonly options: DemoProtocolsOptions,
    private readonly transactions: TransactionRunner,
    private readonly team: TeamRepository,
    private readonly directory: TeamDirectory,
    private readonly protocols: ProtocolRepository,
    private readonly draft: DraftProtocolHandler,
    private readonly lifecycle: ProtocolLifecycleHandler,
    private readonly createTask: CreateTaskHandler,
    private readonly month: DemoMonthPlayer,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.enabled) return this.looked();
    void this.loop
      .start(
        () => this.watch(),
        (error) => this.logger.error(`Demo protocols stopped: ${describe(error)}`),
      )
      .finally(() => this.looked());
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Resolves once the loader has looked a first time: the existing data kept, or what had already arrived loaded. */
  firstLook(): Promise<void> {
    return this.firstLooked;
  }

  private async watch(): Promise<void> {
    if (!(await this.protocols.isEmpty())) {
      this.logger.log('Demo protocols skipped: delegation already holds protocols');
      return;
    }
    const started = Date.now();
    const deadline = started + this.options.giveUpMs;
    let loaded = 0;
    while (this.loop.goesOn(deadline)) {
      const summary = await this.loadPending();
      this.looked();
      if (summary) {
        loaded += summary.structures;
        this.logger.log(
          `Demo protocols loaded ${Date.now() - started} ms after boot: ${summary.structures} structures, ${summary.protocols} adopted protocols, ${summary.monthTasks} tasks in the demo month, ${summary.tasks} tasks today`,
        );
      }
      await this.pause();
    }
    if (!loaded && !this.loop.stopping)
      this.logger.warn(
        `Demo protocols skipped: no structure's team (a medical assistant with a referent, or a secretary and a GP) reached delegation within ${Math.round(this.options.giveUpMs / 1000)} s`,
      );
  }

  private pause(): Promise<void> {
    return this.loop.pause(this.options.pollMs);
  }

  /**
   * Loads every structure whose team is in the copy and which holds no protocol yet, each in its own transaction;
   * null when there was none to load.
   */
  async loadPending(): Promise<DemoProtocolsSummary | null> {
    const summary: DemoProtocolsSummary = { structures: 0, protocols: 0, tasks: 0, monthTasks: 0 };
    for (const team of await this.teams()) {
      const structureId = team.structureId;
      if (this.failed.has(structureId)) continue;
      const started = Date.now();
      try {
        const loaded = await this.transactions.run(async () => {
          await requireActiveManager('Loading demo protocols').query('select pg_advisory_xact_lock($1)', [
            DEMO_PROTOCOLS_LOCK_KEY,
          ]);
          // Read committed: this sees whatever a replica that held the lock before us committed.
          if ((await this.protocols.ofStructure(structureId)).length) return null;
          return this.loadStructure(team);
        });
        this.loaded.add(structureId);
        if (!loaded) continue;
        const { month } = loaded;
        this.logger.log(
          `Demo month ${month.month} of structure ${structureId} played in ${Date.now() - started} ms: ` +
            `${month.created} tasks made, ${month.completedDelegated} completed by delegates (${month.delegatedMinutes} min freed), ` +
            `${month.resolvedByPhysician} resolved by a physician, open at the end ${JSON.stringify(month.open)}`,
        );
        summary.structures++;
        summary.protocols += loaded.protocols;
        summary.tasks += loaded.tasks;
        summary.monthTasks += month.created;
      } catch (error) {
        // A rule of this structure refused the demo (its catalogue edited, say): the others still get theirs.
        this.failed.add(structureId);
        this.logger.error(
          `Demo protocols not loaded for structure ${structureId} (nothing written): ${describe(error)}`,
        );
      }
    }
    return summary.structures ? summary : null;
  }

  /**
   * The structures to delegate in whose team has fully arrived: every member the directory lists for it is in the
   * copy (the directory writes its demo in one transaction, so its snapshot is all or nothing). Loading on the first
   * members to arrive would give a practice its secretaries' protocols before its assistant is known.
   */
  private async teams(): Promise<DemoTeam[]> {
    const byStructure = new Map<string, TeamMember[]>();
    for (const member of await this.team.currentMembers())
      if (!this.loaded.has(member.structureId) && !this.failed.has(member.structureId))
        byStructure.set(member.structureId, [...(byStructure.get(member.structureId) ?? []), member]);
    // Nothing left to load: the directory is not asked.
    if (!byStructure.size) return [];
    let listed: Map<string, Set<string>>;
    try {
      listed = new Map();
      for (const m of (await this.directory.snapshot()).members)
        listed.set(m.structureId, (listed.get(m.structureId) ?? new Set()).add(m.memberId));
    } catch (error) {
      this.logger.warn(`Demo protocols wait: the directory's team is unavailable (${describe(error)})`);
      return [];
    }
    const teams: DemoTeam[] = [];
    for (const [structureId, members] of byStructure) {
      const expected = listed.get(structureId);
      const present = new Set(members.map((m) => m.memberId));
      if (!expected?.size || [...expected].some((id) => !present.has(id))) continue;
      const practitioner = (id: string | null) =>
        members.find((m) => m.memberId === id && m.roles.includes('practitioner')) ?? null;
      const assistant =
        members.find((m) => m.roles.includes('medical_assistant') && practitioner(m.referentId)) ?? null;
      const firstGp = members.find((m) => m.profession === 'general_practitioner' && m.roles.includes('practitioner'));
      const hasSecretary = members.some((m) => m.roles.includes('secretary'));
      const adopter = assistant ? practitioner(assistant.referentId) : hasSecretary ? firstGp : null;
      if (adopter) teams.push({ structureId, adopter, assistant, members });
    }
    return teams;
  }

  private async loadStructure(team: DemoTeam): Promise<DemoStructureLoaded> {
    const { structureId, adopter, assistant, members } = team;
    // As the physician: a physician drafts and adopts what is delegated from physicians.
    const asAdopter: UserContext = {
      memberId: adopter.memberId,
      memberships: [{ structureId, roles: adopter.roles.filter(isRole), siteIds: adopter.siteIds }],
    };
    // The protocols its staff can execute: a practice without an assistant delegates to its secretaries only.
    const delegateRoles = new Set(members.flatMap((m) => m.roles));
    const contents = DEMO_PROTOCOLS.filter((p) => p.executingRoles.some((r) => delegateRoles.has(r)));
    const { draftedAt, adoptedAt } = adoptionInstants(this.clock.now());
    const adopted = new Map<string, AdoptedDemoProtocol>();
    for (const content of contents) {
      const drafted = await this.clock.at(draftedAt, () => this.draft.execute(asAdopter, { ...content, structureId }));
      await this.clock.at(adoptedAt, () => this.lifecycle.adopt(asAdopter, { protocolId: drafted.id }));
      adopted.set(content.taskType, { id: drafted.id, validationCircuit: content.validationCircuit });
    }
    const month = await this.month.play({ structureId, members, assistant }, adopted);

    // Today's board: the assistant's tasks at their first site the copy knows; the pools' at no site.
    let assistantSite: string | null = null;
    for (const siteId of assistant?.siteIds ?? [])
      if (!assistantSite && (await this.team.siteStructure(siteId)) === structureId) assistantSite = siteId;
    const target = (to: DemoTaskTarget) =>
      to === 'assistant'
        ? { assigneeId: assistant?.memberId ?? null, siteId: assistantSite }
        : { poolRole: to === 'assistant_pool' ? 'medical_assistant' : 'secretary', siteId: null };
    const staffed = (to: DemoTaskTarget) =>
      to === 'secretary_pool' ? delegateRoles.has('secretary') : assistant !== null;
    const today = DEMO_TASKS.filter((task) => staffed(task.to));
    for (const task of today)
      await this.createTask.execute(asAdopter, {
        structureId,
        protocolId: adopted.get(task.taskType)?.id ?? null,
        taskType: task.taskType,
        title: task.title,
        description: task.description,
        priority: task.priority,
        ...target(task.to),
      });
    return { protocols: adopted.size, tasks: today.length, month };
  }
}

/**
 * When the demo protocols were written and adopted: drafted the week before the demo month, adopted on its first
 * working day before the practice opens, so every task of the month is made under them and the indicators count the
 * adoptions in the month the dashboard shows.
 */
export function adoptionInstants(now: Date): { draftedAt: Date; adoptedAt: Date } {
  const month = demoMonth(now, REVIEW_ZONE);
  const first = DateTime.fromISO(month.workingDays[0].date, { zone: REVIEW_ZONE }).set({ hour: 8, minute: 0 });
  return { draftedAt: first.minus({ days: 7 }).set({ hour: 13 }).toJSDate(), adoptedAt: first.toJSDate() };
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
