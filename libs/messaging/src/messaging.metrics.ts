import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Counter, Gauge, Histogram, register, type Metric } from 'prom-client';

type Source = () => Promise<number>;
type LagSource = () => Promise<Array<{ topic: string; partition: number; group: string; lag: number }>>;

// Metrics live in prom-client's default registry (served by libs/observability); several Nest apps in one process (tests)
// share them, so each app adds its sources to a set instead of registering the metric again.
const backlogSources = new Set<Source>();
const parkedSources = new Set<Source>();
const lagSources = new Set<LagSource>();

function singleton<T extends Metric>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

const published = singleton(
  'messaging_events_published_total',
  () =>
    new Counter({
      name: 'messaging_events_published_total',
      help: 'Events published from the outbox',
      labelNames: ['topic'],
    }),
);
const consumed = singleton(
  'messaging_events_consumed_total',
  () =>
    new Counter({
      name: 'messaging_events_consumed_total',
      help: 'Events consumed, by outcome (applied, duplicate, ignored, dead_lettered)',
      labelNames: ['topic', 'type', 'outcome'],
    }),
);
const deadLetters = singleton(
  'messaging_dead_letters_total',
  () =>
    new Counter({
      name: 'messaging_dead_letters_total',
      help: 'Messages sent to a dead-letter topic',
      labelNames: ['topic', 'consumer_group'],
    }),
);
const skipped = singleton(
  'messaging_events_skipped_total',
  () =>
    new Counter({
      name: 'messaging_events_skipped_total',
      help: 'Events of a known producer whose type this build does not know, skipped (ADR 0010)',
      labelNames: ['topic', 'type'],
    }),
);
const outageRetries = singleton(
  'messaging_inbox_outage_retries_total',
  () =>
    new Counter({
      name: 'messaging_inbox_outage_retries_total',
      help: 'Retries of an event whose handling met a database or dependency outage; its partition waits meanwhile',
      labelNames: ['topic', 'consumer_group'],
    }),
);
const handlerDuration = singleton(
  'messaging_handler_duration_seconds',
  () =>
    new Histogram({
      name: 'messaging_handler_duration_seconds',
      help: 'Event handling time, inbox write included',
      labelNames: ['type'],
    }),
);
singleton(
  'messaging_outbox_backlog',
  () =>
    new Gauge({
      name: 'messaging_outbox_backlog',
      help: 'Outbox rows committed but not yet published (parked rows excepted: see messaging_outbox_parked)',
      async collect() {
        const values = await Promise.all([...backlogSources].map((source) => source().catch(() => 0)));
        this.set(values.reduce((a, b) => a + b, 0));
      },
    }),
);
const parkings = singleton(
  'messaging_outbox_parked_total',
  () =>
    new Counter({
      name: 'messaging_outbox_parked_total',
      help: 'Outbox rows set aside because Kafka rejects them for good, or because an earlier row of their aggregate was',
      labelNames: ['topic', 'reason'],
    }),
);
singleton(
  'messaging_outbox_parked',
  () =>
    new Gauge({
      name: 'messaging_outbox_parked',
      help: 'Outbox rows parked now, waiting for an operator (never published until un-parked)',
      async collect() {
        const values = await Promise.all([...parkedSources].map((source) => source().catch(() => 0)));
        this.set(values.reduce((a, b) => a + b, 0));
      },
    }),
);
singleton(
  'messaging_consumer_lag',
  () =>
    new Gauge({
      name: 'messaging_consumer_lag',
      help: 'Messages in a partition not yet consumed by the group',
      labelNames: ['topic', 'partition', 'consumer_group'],
      async collect() {
        this.reset();
        for (const source of lagSources) {
          const rows = await source().catch(() => []);
          for (const row of rows)
            this.set({ topic: row.topic, partition: String(row.partition), consumer_group: row.group }, row.lag);
        }
      },
    }),
);

@Injectable()
export class MessagingMetrics implements OnApplicationShutdown {
  private readonly mine: Array<() => void> = [];

  published(topic: string): void {
    published.inc({ topic });
  }

  consumed(topic: string, type: string, outcome: 'applied' | 'duplicate' | 'ignored' | 'dead_lettered'): void {
    consumed.inc({ topic, type, outcome });
  }

  skipped(topic: string, type: string): void {
    skipped.inc({ topic, type });
  }

  outageRetry(topic: string, group: string): void {
    outageRetries.inc({ topic, consumer_group: group });
  }

  /** `reason`: a bounded kind (topic_missing, message_too_large …, behind_parked_row), never a free-form message. */
  parked(topic: string, reason: string): void {
    parkings.inc({ topic, reason });
  }

  deadLettered(topic: string, group: string): void {
    deadLetters.inc({ topic, consumer_group: group });
  }

  timeHandler(type: string): () => void {
    return handlerDuration.startTimer({ type });
  }

  trackOutboxBacklog(source: Source): void {
    backlogSources.add(source);
    this.mine.push(() => backlogSources.delete(source));
  }

  trackParkedOutboxRows(source: Source): void {
    parkedSources.add(source);
    this.mine.push(() => parkedSources.delete(source));
  }

  trackConsumerLag(source: LagSource): void {
    lagSources.add(source);
    this.mine.push(() => lagSources.delete(source));
  }

  onApplicationShutdown(): void {
    for (const remove of this.mine.splice(0)) remove();
  }
}
