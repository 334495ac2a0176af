import { Logger, type Abstract, type OnApplicationBootstrap, type Provider } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from './clock';

/** A service's copy of another service's facts, fed by that service's events, as its rebuild sees it. */
export interface RebuildableCopy<Snapshot> {
  /** Nothing was ever copied: not even a row an event left behind. */
  isEmpty(): Promise<boolean>;
  /**
   * Writes the snapshot over whatever events brought meanwhile, inside the rebuild's transaction. `at` is the time of
   * the answer: a copy whose rows keep the time of their last fact stamps the snapshot's with it, so that later events
   * still win and older replays do not undo it.
   */
  applySnapshot(snapshot: Snapshot, at: Date): Promise<void>;
}

/** What a rebuilder works with; `eventFedCopyRebuilder` gathers it. */
export interface RebuilderParts<Snapshot> {
  copy: RebuildableCopy<Snapshot>;
  snapshot: () => Promise<Snapshot | null>;
  transactions: TransactionRunner;
  clock: Clock;
  emptyAtBoot: boolean;
}

/**
 * Rebuilds an event-fed copy from the other service's whole state when the copy was empty at boot — a first start, or
 * a new Kafka in front of an existing service, whose earlier events are gone. The rebuild runs once, in the background
 * (the service must not wait on another one to start); an answer that cannot be had leaves the events to do the work.
 *
 * A service names its rebuilder with a subclass (what the copy is called, how much a snapshot holds) and provides it
 * with `eventFedCopyRebuilder`, which decides the emptiness before the service's consumer starts.
 */
export abstract class EventFedCopyRebuilder<Snapshot> implements OnApplicationBootstrap {
  /** How the logs name the copy: "Team copy". */
  protected abstract readonly copyName: string;
  private readonly logger = new Logger(this.constructor.name);

  constructor(private readonly parts: RebuilderParts<Snapshot>) {}

  /** How many rows the snapshot brings (none: nothing to rebuild from) and, in words, for the log. */
  protected abstract measure(snapshot: Snapshot): { count: number; told: string };

  onApplicationBootstrap(): void {
    if (!this.parts.emptyAtBoot) return;
    // Not awaited: the service must not wait on another one to start.
    void this.rebuild().catch((error: Error) =>
      this.logger.warn(`${this.copyName} not rebuilt (events will fill it): ${error.message}`),
    );
  }

  /** The rebuild, when the copy holds nothing now; the count of `measure`, 0 when nothing was written. */
  async rebuildIfEmpty(): Promise<number> {
    return (await this.parts.copy.isEmpty()) ? this.rebuild() : 0;
  }

  private async rebuild(): Promise<number> {
    const snapshot = await this.parts.snapshot();
    if (!snapshot) return 0;
    const { count, told } = this.measure(snapshot);
    if (!count) return 0;
    const at = this.parts.clock.now();
    await this.parts.transactions.run(() => this.parts.copy.applySnapshot(snapshot, at));
    this.logger.log(`${this.copyName} rebuilt from a snapshot: ${told}`);
    return count;
  }
}

/**
 * Provides `rebuilder` over the service's copy (`copy`, a provider implementing RebuildableCopy) and the port that
 * answers the other service's snapshot (`source`, asked with `snapshot`).
 */
export function eventFedCopyRebuilder<Snapshot, Source>(
  rebuilder: new (parts: RebuilderParts<Snapshot>) => EventFedCopyRebuilder<Snapshot>,
  ports: {
    copy: Abstract<RebuildableCopy<Snapshot>>;
    source: Abstract<Source>;
    snapshot: (source: Source) => Promise<Snapshot | null>;
  },
): Provider {
  return {
    provide: rebuilder,
    // Emptiness is read while the application is created, before its Kafka consumer starts (Nest runs the bootstrap
    // hooks after it): a copy checked in onApplicationBootstrap could already hold the first event and look filled.
    // The database is migrated by then.
    useFactory: async (
      copy: RebuildableCopy<Snapshot>,
      source: Source,
      transactions: TransactionRunner,
      clock: Clock,
    ) =>
      new rebuilder({
        copy,
        snapshot: () => ports.snapshot(source),
        transactions,
        clock,
        emptyAtBoot: await copy.isEmpty(),
      }),
    inject: [ports.copy, ports.source, TransactionRunner, Clock],
  };
}
