import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IHeaders, TopicMessages } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { EventProducer, permanentRejection } from '../kafka/event-producer';
import { MessagingMetrics } from '../messaging.metrics';
import { MESSAGING_OPTIONS, messagingDefaults, type MessagingOptions } from '../messaging.options';

interface OutboxRow {
  position: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: string;
  /** Position of the parked row of its aggregate it waits behind, if any. */
  behind: string | null;
}

interface Parking {
  position: string;
  topic: string;
  /** Bounded kind, the metric's label. */
  kind: string;
  reason: string;
}

const BATCH_SIZE = 200;
/** Only one relay per service database publishes at a time, so an aggregate's events leave in commit order. */
const RELAY_LEADER_LOCK = 727_274_002;
const RETENTION_SQL = `delete from outbox_message where sent_at < now() - interval '7 days'`;
/**
 * The fence, first statement of every batch, on the connection that runs the batch: that session still holds the
 * leader lock. A session lock is lost only with its session, so this fails (connection gone) or answers false
 * (unlocked by hand) when another relay may have taken over, and the batch does not start.
 */
const HOLDS_LOCK_SQL = `select exists (
  select 1 from pg_locks where locktype = 'advisory' and classid = 0 and objid = $1 and objsubid = 1
  and pid = pg_backend_pid() and granted) as held`;
/**
 * The next unsent rows in commit order, each with the first parked row of its aggregate (topic and key) before it, if
 * any: such a row is parked behind it so that the aggregate's order holds. Asked in the same statement as the rows,
 * since under READ COMMITTED a row committed between two statements of the batch would escape a separate check.
 */
const NEXT_ROWS_SQL = `
  select o.position, o.topic, o.message_key, o.headers, o.payload,
    (select min(p.position) from outbox_message p
     where p.parked_at is not null and p.topic = o.topic and p.message_key = o.message_key
       and p.position < o.position) as behind
  from outbox_message o
  where o.sent_at is null and o.parked_at is null order by o.position limit $1 for update skip locked`;

class LeadershipLost extends Error {
  constructor() {
    super('the relay no longer holds the leader lock');
  }
}

/**
 * Publishes committed outbox rows to Kafka, then marks them sent. Woken by LISTEN/NOTIFY when a transaction that wrote
 * events commits, and by a periodic sweep as safety net. A crash between publish and mark re-sends (never drops): the
 * consumers' inbox makes the duplicate harmless.
 *
 * Leadership is fenced: one connection holds the leader lock, listens, and runs every batch, and each batch first
 * checks on it that the lock is still held. When that connection fails (killed, idle-killed, database restarted) the
 * relay steps down at once, reconnects at the next sweep and competes for the lock again: a relay that lost the lock
 * never starts another batch, so two relays never publish batches side by side. At most the batch in flight when the
 * connection died is published twice, which the inbox absorbs.
 *
 * A row Kafka rejects for good (topic missing, message too large) is parked with its reason, and so are the later
 * rows of its aggregate; every other aggregate goes on.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private client?: Client;
  private sweepTimer?: NodeJS.Timeout;
  /** Work on the relay's connection runs one piece at a time, in call order. */
  private queue: Promise<unknown> = Promise.resolve();
  private wakeQueued = false;
  private sweepQueued = false;
  private leader = false;
  private stopped = true;
  private sweeps = 0;
  private readonly knownTopics = new Set<string>();

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
    private readonly producer: EventProducer,
    private readonly metrics: MessagingMetrics,
  ) {}

  /** Whether this relay holds the leader lock (as far as it knows: the next batch checks it). */
  get isLeader(): boolean {
    return this.leader;
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.metrics.trackOutboxBacklog(() => this.count('parked_at is null'));
    this.metrics.trackParkedOutboxRows(() => this.count('parked_at is not null'));
    this.sweepTimer = setInterval(() => void this.sweep(), this.options.relaySweepMs ?? messagingDefaults.relaySweepMs);
    this.sweepTimer.unref();
    // Takes the lead before the service is up, but never waits for Kafka: a service starts while Kafka is away.
    await this.exclusive(() => this.lead()).catch((error: Error) => this.failed('Outbox relay start', error));
    void this.sweep();
  }

  /** Stops listening, publishes what is left, and releases the leader lock. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.sweepTimer);
    await this.exclusive(async () => {
      if (this.leader) await this.drain();
    }).catch((error: Error) => this.logger.warn(`Final outbox flush failed: ${error.message}`));
    await this.exclusive(async () => this.stepDown());
  }

  /** Resolves once every row committed before the call has been published, if this relay is (or becomes) leader. */
  async flush(): Promise<void> {
    await this.exclusive(async () => {
      if (!this.stopped) await this.lead();
      if (this.leader) await this.drain();
    });
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private sweep(): Promise<void> {
    // One sweep at a time: while Kafka or PostgreSQL is away one attempt can take a minute, longer than the interval.
    if (this.stopped || this.sweepQueued) return Promise.resolve();
    this.sweepQueued = true;
    return this.exclusive(async () => {
      this.sweepQueued = false;
      await this.lead();
      if (!this.leader || !this.client) return;
      if (++this.sweeps % 1800 === 0) await this.client.query(RETENTION_SQL);
      await this.drain();
    }).catch((error: Error) => this.failed('Outbox sweep', error));
  }

  private wake(): void {
    if (this.stopped || !this.leader || this.wakeQueued) return;
    this.wakeQueued = true;
    void this.exclusive(async () => {
      this.wakeQueued = false;
      await this.drain();
    }).catch((error: Error) => this.failed('Outbox publish', error));
  }

  /** (Re)connects when the connection is gone, then tries to take the leader lock unless held. */
  private async lead(): Promise<void> {
    if (!this.client) {
      const { url } = this.dataSource.options as PostgresDataSourceOptions;
      const client = new Client({
        connectionString: url,
        application_name: `${this.options.serviceName}-outbox-relay`,
      });
      client.on('error', (error) => {
        this.logger.warn(`Outbox relay connection failed: ${error.message}`);
        if (this.client === client) this.stepDown();
      });
      client.on('notification', () => this.wake());
      try {
        await client.connect();
        await client.query('listen outbox_message');
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      this.client = client;
    }
    if (!this.leader) {
      const [{ locked }] = (await this.client.query('select pg_try_advisory_lock($1) as locked', [RELAY_LEADER_LOCK]))
        .rows;
      this.leader = locked === true;
      if (this.leader) this.logger.log('This outbox relay is now the leader');
    }
  }

  /** Gives up the connection and with it the lock (the server releases a session's locks when it ends). */
  private stepDown(): void {
    const client = this.client;
    if (this.leader) this.logger.warn('This outbox relay steps down');
    this.client = undefined;
    this.leader = false;
    void client?.end().catch(() => undefined);
  }

  /** Kafka being away keeps the leadership (the next sweep retries); anything else on the connection ends it. */
  private failed(what: string, error: Error): void {
    if (error instanceof KafkaUnavailable) {
      this.logger.warn(`${what}: Kafka unavailable, will retry: ${error.message}`);
      return;
    }
    this.logger.warn(`${what} failed: ${error.message}`);
    this.stepDown();
  }

  private async drain(): Promise<void> {
    while (this.leader && this.client && (await this.publishBatch(this.client)) === BATCH_SIZE);
  }

  private async publishBatch(client: Client): Promise<number> {
    await client.query('begin');
    try {
      const [{ held }] = (await client.query(HOLDS_LOCK_SQL, [RELAY_LEADER_LOCK])).rows;
      if (held !== true) throw new LeadershipLost();
      const rows: OutboxRow[] = (await client.query(NEXT_ROWS_SQL, [BATCH_SIZE])).rows;
      const { sent, parked } = rows.length ? await this.publish(rows) : { sent: [], parked: [] };
      await client.query('update outbox_message set sent_at = now() where position = any($1::bigint[])', [
        sent.map((r) => r.position),
      ]);
      for (const parking of parked)
        await client.query('update outbox_message set parked_at = now(), park_reason = $2 where position = $1', [
          parking.position,
          parking.reason,
        ]);
      await client.query('commit');
      for (const row of sent) this.metrics.published(row.topic);
      for (const parking of parked) {
        this.metrics.parked(parking.topic, parking.kind);
        const log = parking.kind === 'behind_parked_row' ? 'warn' : 'error'; // the cause is logged once, as an error
        this.logger[log](`Outbox row ${parking.position} parked: ${parking.reason}`);
      }
      return sent.length + parked.length;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  }

  /**
   * Publishes a batch in one request. When Kafka rejects it for good, publishes it again row by row to find the rows
   * at fault and park them (with the later rows of their aggregate); stops at the first row that fails for a passing
   * reason, leaving it and the rest for the next batch.
   */
  private async publish(rows: OutboxRow[]): Promise<{ sent: OutboxRow[]; parked: Parking[] }> {
    const parked: Parking[] = [];
    const blocked = new Map<string, string>(); // aggregate → position of its parked row
    const aggregate = (row: OutboxRow) => `${row.topic}\u0000${row.message_key}`;
    const park = (row: OutboxRow, kind: string, reason: string) => {
      parked.push({ position: row.position, topic: row.topic, kind, reason });
      if (!blocked.has(aggregate(row))) blocked.set(aggregate(row), row.position);
    };
    try {
      await this.producer.connect();
    } catch (error) {
      throw new KafkaUnavailable(error as Error);
    }
    const missing = new Set(await this.missingTopics(rows));
    const sendable: OutboxRow[] = [];
    for (const row of rows) {
      const before = row.behind ?? blocked.get(aggregate(row));
      if (before) park(row, 'behind_parked_row', `behind parked row ${before}`);
      else if (missing.has(row.topic)) park(row, 'topic_missing', `topic ${row.topic} does not exist`);
      else sendable.push(row);
    }
    if (!sendable.length) return { sent: [], parked };
    try {
      await this.send(sendable);
      return { sent: sendable, parked };
    } catch (error) {
      if (!permanentRejection(error)) throw error;
    }
    const sent: OutboxRow[] = [];
    for (const row of sendable) {
      const before = blocked.get(aggregate(row));
      if (before) {
        park(row, 'behind_parked_row', `behind parked row ${before}`);
        continue;
      }
      try {
        await this.send([row]);
        sent.push(row);
      } catch (error) {
        const rejection = permanentRejection(error);
        if (!rejection) {
          this.logger.warn(`Outbox row ${row.position} not published, will retry: ${(error as Error).message}`);
          break;
        }
        park(row, rejection.toLowerCase(), `Kafka rejects it: ${rejection}: ${(error as Error).message}`);
      }
    }
    return { sent, parked };
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    try {
      await this.producer.send(groupByTopic(rows));
    } catch (error) {
      if (permanentRejection(error)) throw error;
      this.knownTopics.clear(); // a topic deleted since it was seen would otherwise be retried for ever
      throw new KafkaUnavailable(error as Error);
    }
  }

  /** Topics of `rows` that Kafka does not have; asks Kafka only about topics not seen before. */
  private async missingTopics(rows: OutboxRow[]): Promise<string[]> {
    const unknown = [...new Set(rows.map((r) => r.topic))].filter((topic) => !this.knownTopics.has(topic));
    if (!unknown.length) return [];
    let missing: string[];
    try {
      missing = await this.producer.missingTopics(unknown);
    } catch (error) {
      throw new KafkaUnavailable(error as Error);
    }
    for (const topic of unknown) if (!missing.includes(topic)) this.knownTopics.add(topic);
    return missing;
  }

  private async count(condition: string): Promise<number> {
    const [{ count }] = await this.dataSource.query(
      `select count(*)::int as count from outbox_message where sent_at is null and ${condition}`,
    );
    return count as number;
  }
}

/** Kafka could not be reached or answered with a passing error: the batch rolls back and is tried again later. */
class KafkaUnavailable extends Error {
  constructor(cause: Error) {
    super(cause.message, { cause });
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
