import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IHeaders, TopicMessages } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { EventProducer } from '../kafka/event-producer';
import { MessagingMetrics } from '../messaging.metrics';
import { MESSAGING_OPTIONS, messagingDefaults, type MessagingOptions } from '../messaging.options';

interface OutboxRow {
  position: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: string;
}

const BATCH_SIZE = 200;
/** Only one relay per service database publishes at a time, so an aggregate's events leave in commit order. */
const RELAY_LEADER_LOCK = 727_274_002;
const RETENTION_SQL = `delete from outbox_message where sent_at < now() - interval '7 days'`;

/**
 * Publishes committed outbox rows to Kafka, then marks them sent. Woken by LISTEN/NOTIFY when a transaction that wrote
 * events commits, and by a periodic sweep as safety net. A crash between publish and mark re-sends (never drops): the
 * consumers' inbox makes the duplicate harmless.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: Client;
  private sweepTimer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private wakeAgain = false;
  private leader = false;
  private stopped = true;
  private sweeps = 0;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
    private readonly producer: EventProducer,
    private readonly metrics: MessagingMetrics,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    const { url } = this.dataSource.options as PostgresDataSourceOptions;
    this.listener = new Client({ connectionString: url, application_name: `${this.options.serviceName}-outbox-relay` });
    this.listener.on('error', (error) => this.logger.warn(`Outbox listener connection failed: ${error.message}`));
    await this.listener.connect();
    await this.listener.query('listen outbox_message');
    this.listener.on('notification', () => this.wake());
    this.metrics.trackOutboxBacklog(() => this.backlog());
    this.sweepTimer = setInterval(() => this.sweep(), this.options.relaySweepMs ?? messagingDefaults.relaySweepMs);
    this.sweepTimer.unref();
    await this.sweep();
  }

  /** Stops listening, publishes what is left, and releases the leader lock. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.sweepTimer);
    await this.draining;
    if (this.leader)
      await this.drain().catch((error: Error) => this.logger.warn(`Final outbox flush failed: ${error.message}`));
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
    this.leader = false;
  }

  /** Resolves once every row committed before the call has been published (used at shutdown and by tests). */
  async flush(): Promise<void> {
    await this.draining;
    await this.drain();
  }

  private async sweep(): Promise<void> {
    if (this.stopped || !this.listener) return;
    try {
      if (!this.leader) {
        const [{ locked }] = (
          await this.listener.query('select pg_try_advisory_lock($1) as locked', [RELAY_LEADER_LOCK])
        ).rows;
        this.leader = locked === true;
      }
      if (this.leader && ++this.sweeps % 1800 === 0) await this.listener.query(RETENTION_SQL);
    } catch (error) {
      this.logger.warn(`Outbox sweep failed: ${(error as Error).message}`);
    }
    this.wake();
  }

  private wake(): void {
    if (this.stopped || !this.leader) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = (async () => {
      do {
        this.wakeAgain = false;
        await this.drain();
      } while (this.wakeAgain && !this.stopped);
    })()
      .catch((error: Error) => this.logger.warn(`Outbox publish failed, will retry: ${error.message}`))
      .finally(() => (this.draining = undefined));
  }

  private async drain(): Promise<void> {
    while ((await this.publishBatch()) === BATCH_SIZE);
  }

  private publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `select position, topic, message_key, headers, payload from outbox_message
         where sent_at is null order by position limit $1 for update skip locked`,
        [BATCH_SIZE],
      );
      if (!rows.length) return 0;
      await this.producer.send(groupByTopic(rows));
      await manager.query('update outbox_message set sent_at = now() where position = any($1::bigint[])', [
        rows.map((r) => r.position),
      ]);
      for (const row of rows) this.metrics.published(row.topic);
      return rows.length;
    });
  }

  private async backlog(): Promise<number> {
    const [{ count }] = await this.dataSource.query(
      'select count(*)::int as count from outbox_message where sent_at is null',
    );
    return count as number;
  }
}

/** Keeps commit order within each topic (and so within each key). */
function groupByTopic(rows: OutboxRow[]): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const row of rows) {
    let entry = byTopic.get(row.topic);
    if (!entry) byTopic.set(row.topic, (entry = { topic: row.topic, messages: [] }));
    entry.messages.push({ key: row.message_key, value: row.payload, headers: row.headers as IHeaders });
  }
  return [...byTopic.values()];
}
