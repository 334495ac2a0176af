import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { isRole, type UserContext } from '@msp/auth';
import { requireActiveManager, TransactionRunner } from '@msp/persistence';
import { ProtocolRepository } from '../application/ports/protocol.repository';
import { TeamRepository, type TeamMember } from '../application/ports/team.repository';
import { DraftProtocolHandler } from '../application/protocols/draft-protocol.handler';
import { ProtocolLifecycleHandler } from '../application/protocols/protocol-lifecycle.handler';
import { CreateTaskHandler } from '../application/tasks/create-task.handler';
import { DEMO_PROTOCOLS, DEMO_TASKS, type DemoTaskTarget } from './demo-protocols';

export const DEMO_PROTOCOLS_OPTIONS = Symbol('DEMO_PROTOCOLS_OPTIONS');

export interface DemoProtocolsOptions {
  /** `DELEGATION_DEMO_DATA=load`. */
  enabled: boolean;
  /** How often to look whether the directory's delegates and referents have arrived, and how long before giving up. */
  pollMs: number;
  giveUpMs: number;
}

export interface DemoProtocolsSummary {
  structures: number;
  protocols: number;
  tasks: number;
}

/** Any fixed number, the same for every replica; distinct from the migration lock's. */
const DEMO_PROTOCOLS_LOCK_KEY = 727_274_104;

/** A structure's medical assistant and their referent, both current members of delegation's team copy. */
interface Pairing {
  assistant: TeamMember;
  referent: TeamMember;
}

/**
 * Gives the demo practices their delegation, in the background after boot, if delegation held no protocol at boot:
 * as the directory's members reach the team copy, each structure with a medical assistant paired with a referent (and
 * no protocol yet) gets three protocols drafted and adopted by that referent — exam follow-up, prescription renewals,
 * callbacks after a message — and a morning's tasks on its board, for the assistant and the secretaries' pool. All
 * through the application handlers (every rule checked, every event recorded), one transaction per structure under an
 * advisory lock, so replicas booting together load each structure once. It looks for a few minutes, then stops.
 */
@Injectable()
export class DemoProtocolsLoader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DemoProtocols');
  private stopping = false;
  private wake?: () => void;
  private running?: Promise<void>;
  private looked!: () => void;
  private readonly firstLooked = new Promise<void>((resolve) => (this.looked = resolve));
  /** Structures a handler refused: not tried again. */
  private readonly failed = new Set<string>();

  constructor(
    @Inject(DEMO_PROTOCOLS_OPTIONS) private readonly options: DemoProtocolsOptions,
    private readonly transactions: TransactionRunner,
    private readonly team: TeamRepository,
    private readonly protocols: ProtocolRepository,
    private readonly draft: DraftProtocolHandler,
    private readonly lifecycle: ProtocolLifecycleHandler,
    private readonly createTask: CreateTaskHandler,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.enabled) return this.looked();
    this.running = this.watch()
      .catch((error: unknown) => this.logger.error(`Demo protocols stopped: ${describe(error)}`))
      .finally(() => this.looked());
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
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
    while (!this.stopping && Date.now() < deadline) {
      const summary = await this.loadPending();
      this.looked();
      if (summary) {
        loaded += summary.structures;
        this.logger.log(
          `Demo protocols loaded ${Date.now() - started} ms after boot: ${summary.structures} structures, ${summary.protocols} adopted protocols, ${summary.tasks} tasks`,
        );
      }
      await this.pause();
    }
    if (!loaded && !this.stopping)
      this.logger.warn(
        `Demo protocols skipped: no medical assistant with a referent reached delegation within ${Math.round(this.options.giveUpMs / 1000)} s`,
      );
  }

  private pause(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.options.pollMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /**
   * Loads every structure whose medical assistant and referent are in the team copy and which holds no protocol yet,
   * each in its own transaction; null when there was none to load.
   */
  async loadPending(): Promise<DemoProtocolsSummary | null> {
    const summary: DemoProtocolsSummary = { structures: 0, protocols: 0, tasks: 0 };
    for (const pairing of await this.pairings()) {
      const structureId = pairing.assistant.structureId;
      if (this.failed.has(structureId)) continue;
      try {
        const loaded = await this.transactions.run(async () => {
          await requireActiveManager('Loading demo protocols').query('select pg_advisory_xact_lock($1)', [
            DEMO_PROTOCOLS_LOCK_KEY,
          ]);
          // Read committed: this sees whatever a replica that held the lock before us committed.
          if ((await this.protocols.ofStructure(structureId)).length) return null;
          return this.loadStructure(pairing);
        });
        if (!loaded) continue;
        summary.structures++;
        summary.protocols += loaded.protocols;
        summary.tasks += loaded.tasks;
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

  /** One medical assistant per structure with their referent, once both have reached the team copy. */
  private async pairings(): Promise<Pairing[]> {
    const pairings = new Map<string, Pairing>();
    for (const assistant of await this.team.delegates()) {
      if (pairings.has(assistant.structureId) || !assistant.roles.includes('medical_assistant')) continue;
      const referent = await this.team.member(assistant.structureId, assistant.referentId as string);
      if (referent?.roles.includes('practitioner')) pairings.set(assistant.structureId, { assistant, referent });
    }
    return [...pairings.values()];
  }

  private async loadStructure({ assistant, referent }: Pairing): Promise<{ protocols: number; tasks: number }> {
    const structureId = assistant.structureId;
    // As the referent: a physician drafts and adopts what is delegated from physicians.
    const asReferent: UserContext = {
      memberId: referent.memberId,
      memberships: [{ structureId, roles: referent.roles.filter(isRole), siteIds: referent.siteIds }],
    };
    const adopted = new Map<string, string>();
    for (const content of DEMO_PROTOCOLS) {
      const drafted = await this.draft.execute(asReferent, { ...content, structureId });
      await this.lifecycle.adopt(asReferent, { protocolId: drafted.id });
      adopted.set(content.taskType, drafted.id);
    }
    // The assistant's tasks at their first site the copy knows; the pools' at no site, for every secretary to see.
    let assistantSite: string | null = null;
    for (const siteId of assistant.siteIds)
      if (!assistantSite && (await this.team.siteStructure(siteId)) === structureId) assistantSite = siteId;
    const target = (to: DemoTaskTarget) =>
      to === 'assistant'
        ? { assigneeId: assistant.memberId, siteId: assistantSite }
        : { poolRole: to === 'assistant_pool' ? 'medical_assistant' : 'secretary', siteId: null };
    for (const task of DEMO_TASKS)
      await this.createTask.execute(asReferent, {
        structureId,
        protocolId: adopted.get(task.taskType) ?? null,
        taskType: task.taskType,
        title: task.title,
        description: task.description,
        priority: task.priority,
        ...target(task.to),
      });
    return { protocols: adopted.size, tasks: DEMO_TASKS.length };
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
