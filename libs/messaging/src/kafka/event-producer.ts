import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Admin, Kafka, Partitioners, type Producer, type TopicMessages } from 'kafkajs';
import { KAFKA_CLIENT } from './kafka.tokens';

/**
 * Kafka error types that no retry will cure for this message: the relay parks the row (outbox-relay.ts) instead of
 * retrying it forever in front of every other event. UNKNOWN_TOPIC_OR_PARTITION is not one of them: Kafka also answers
 * it for a while after a restart, so a missing topic is established by listing the topics (`missingTopics`).
 */
const PERMANENT_REJECTIONS = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
  'INVALID_TOPIC_EXCEPTION',
  'TOPIC_AUTHORIZATION_FAILED',
]);

/** The Kafka error type (MESSAGE_TOO_LARGE …) that permanently rejects a message, looking through kafkajs' causes. */
export function permanentRejection(error: unknown): string | undefined {
  for (let e = error as { type?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.type && PERMANENT_REJECTIONS.has(e.type)) return e.type;
  }
  return undefined;
}

/**
 * The process's single Kafka producer: idempotent, `acks=all`, one request in flight so retries cannot reorder an
 * aggregate's events, and the Java-compatible murmur2 partitioner chosen explicitly (every message carries a key).
 *
 * It connects on the first send and, when connecting fails (Kafka down longer than kafkajs' own retries), forgets the
 * failed attempt so that the next send, or the readiness check, connects again: a service started while Kafka is down
 * publishes once it is back, without a restart. `failure` says why it cannot publish, for readiness.
 */
@Injectable()
export class EventProducer {
  private readonly logger = new Logger(EventProducer.name);
  private producer: Producer;
  private readonly admin: Admin;
  private connecting?: Promise<void>;
  private adminConnecting?: Promise<void>;
  private connected = false;
  private lastFailure?: string;

  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {
    this.producer = this.createProducer();
    this.admin = kafka.admin();
  }

  private createProducer(): Producer {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    producer.on(producer.events.CONNECT, () => (this.connected = true));
    producer.on(producer.events.DISCONNECT, () => {
      if (producer !== this.producer) return;
      this.connected = false;
      this.connecting = undefined;
    });
    return producer;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Why the producer cannot publish right now: its last attempt to connect failed (cleared when one succeeds). */
  get failure(): string | undefined {
    return this.lastFailure;
  }

  /** Connects unless connected or connecting; a failed attempt is forgotten, so the next call tries again. */
  connect(): Promise<void> {
    this.connecting ??= this.producer.connect().then(
      () => (this.lastFailure = undefined),
      (error: Error) => {
        this.connecting = undefined;
        this.lastFailure = `cannot connect to Kafka: ${error.message}`;
        throw error;
      },
    );
    return this.connecting;
  }

  async send(batch: TopicMessages[]): Promise<void> {
    await this.connect();
    // Once connected, kafkajs re-opens broker connections by itself on the next send: only connecting can get stuck.
    try {
      await this.producer.sendBatch({ topicMessages: batch, acks: -1 });
    } catch (error) {
      if (permanentRejection(error)) await this.renew();
      throw error;
    }
  }

  /**
   * Replaces the producer after Kafka refused part of a request: kafkajs then rewinds the idempotence sequence of every
   * partition of the request, also of those the broker accepted, and the next send to them would be refused as out
   * of order (or dropped as a duplicate). A new producer gets a new producer id and fresh sequences.
   */
  private async renew(): Promise<void> {
    const old = this.producer;
    this.producer = this.createProducer();
    this.connecting = undefined;
    this.connected = false;
    await old.disconnect().catch(() => undefined);
  }

  /** The topics among `topics` that do not exist on the cluster (sending to one would retry for a minute, then fail). */
  async missingTopics(topics: readonly string[]): Promise<string[]> {
    this.adminConnecting ??= this.admin.connect().catch((error: unknown) => {
      this.adminConnecting = undefined;
      throw error;
    });
    await this.adminConnecting;
    const existing = new Set(await this.admin.listTopics());
    return topics.filter((topic) => !existing.has(topic));
  }

  async disconnect(): Promise<void> {
    if (this.adminConnecting) await this.admin.disconnect().catch(() => undefined);
    await this.producer.disconnect();
  }

  /** For readiness: a producer that failed is asked to connect again in the background; the check itself never waits. */
  retryInBackground(): void {
    if (!this.lastFailure || this.connecting) return;
    this.connect().catch((error: Error) => this.logger.debug(`Producer still cannot connect: ${error.message}`));
  }
}
