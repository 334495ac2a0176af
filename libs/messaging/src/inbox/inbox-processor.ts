import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  fromKafkaRecord,
  isUnknownTypeOfKnownSource,
  readEventPayload,
  UnknownEventTypeError,
  type EventEnvelope,
} from '@msp/contracts';
import { inTransaction } from '@msp/persistence';
import { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
import { runWithMessageContext } from '../message-context';
import { MessagingMetrics } from '../messaging.metrics';
import { MESSAGING_OPTIONS, messagingDefaults, type MessagingOptions } from '../messaging.options';
import type { ConsumedRecord } from './consumed-record';
import { EventHandlerRegistry, type EventHandler } from './event-handler.registry';
import { isInfrastructureFailure } from './infrastructure-failure';

const MAX_BACKOFF_MS = 5_000;

/** Thrown out of `process` when the service stops while waiting for a dependency: the offset must not be committed. */
export class InboxStoppedError extends Error {
  constructor(record: ConsumedRecord) {
    super(`Service stopping: ${record.topic}[${record.partition}]@${record.offset} left for the next consumer`);
    this.name = 'InboxStoppedError';
  }
}

/**
 * Applies each consumed event exactly once in effect: the handler's writes and the inbox row commit in one
 * transaction, so a redelivered event finds its row and is skipped.
 *
 * Failures are told apart (ADR 0002, 0010):
 * - a message that can never be valid (not a platform CloudEvent, or — for a type this service handles — a payload
 *   missing a required field or of the wrong type) goes to the dead-letter topic at once; a type it does not handle is
 *   ignored unread;
 * - an event type of a known producer that this build does not know (a newer producer during a rolling deploy) is
 *   skipped and counted, not dead-lettered;
 * - a handler failure (a bug, a business refusal) is retried with back-off, then dead-lettered, and the partition moves on;
 * - an infrastructure failure (database or dependency down, serialization failure, deadlock) is not the event's fault:
 *   the partition waits on this record — nothing after it is consumed, its offset is not committed — and retries with
 *   bounded back-off until the dependency is back, however long that takes. Nothing is dead-lettered and order holds.
 */
@Injectable()
export class InboxProcessor implements BeforeApplicationShutdown {
  private readonly logger = new Logger(InboxProcessor.name);
  private readonly group: string;
  private readonly skippedTypesLogged = new Set<string>();
  private stopping = false;
  private readonly wakeOnStop = new Set<() => void>();

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
    private readonly handlers: EventHandlerRegistry,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly metrics: MessagingMetrics,
  ) {
    this.group = options.consumerGroup ?? options.serviceName;
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
    for (const wake of this.wakeOnStop) wake();
  }

  async process(record: ConsumedRecord, heartbeat: () => Promise<void> = async () => undefined): Promise<void> {
    const envelope = await this.decode(record);
    if (!envelope) return;
    const handler = this.handlers.handlerFor(envelope.type);
    if (!handler) {
      // Not this service's business: neither read nor judged, so a malformed event only reaches its own consumers' DLQ.
      this.metrics.consumed(record.topic, envelope.type, 'ignored');
      return;
    }
    try {
      readEventPayload(envelope.type, envelope.data);
    } catch (error) {
      await this.deadLetter(record, error);
      return;
    }
    const maxAttempts = this.options.maxAttempts ?? messagingDefaults.maxAttempts;
    let failures = 0;
    let outageRetries = 0;
    for (;;) {
      try {
        const outcome = await this.applyOnce(envelope, record, handler);
        if (outageRetries)
          this.logger.log(`${envelope.type} ${envelope.id} applied after ${outageRetries} outage retries`);
        this.metrics.consumed(record.topic, envelope.type, outcome);
        return;
      } catch (error) {
        const reason = (error as Error).message;
        if (isInfrastructureFailure(error)) {
          outageRetries++;
          this.metrics.outageRetry(record.topic, this.group);
          const delay = this.backoff(outageRetries);
          this.logger.warn(
            `Dependency unavailable while applying ${envelope.type} ${envelope.id} (${record.topic}[${record.partition}]@${record.offset}); partition waits, retry ${outageRetries} in ${delay} ms: ${reason}`,
          );
          await this.pause(delay, record);
        } else {
          failures++;
          if (failures >= maxAttempts) {
            await this.deadLetters.publish(record, `processing failed: ${reason}`, failures);
            this.metrics.consumed(record.topic, envelope.type, 'dead_lettered');
            return;
          }
          this.logger.warn(`Attempt ${failures}/${maxAttempts} for ${envelope.type} ${envelope.id} failed: ${reason}`);
          await this.pause(this.backoff(failures), record);
        }
        // Keeps the group membership while this record waits; throws when the group rebalances, which leaves the
        // offset uncommitted for whoever gets the partition.
        await heartbeat();
      }
    }
  }

  /** The decoded envelope, or undefined when the record was skipped or dead-lettered. */
  private async decode(record: ConsumedRecord): Promise<EventEnvelope | undefined> {
    try {
      return fromKafkaRecord(record);
    } catch (error) {
      if (error instanceof UnknownEventTypeError && isUnknownTypeOfKnownSource(error.eventType))
        this.skip(record, error.eventType);
      else await this.deadLetter(record, error);
      return undefined;
    }
  }

  private async deadLetter(record: ConsumedRecord, error: unknown): Promise<void> {
    await this.deadLetters.publish(record, `invalid message: ${(error as Error).message}`, 0);
    this.metrics.consumed(record.topic, record.headers.ce_type ?? 'unknown', 'dead_lettered');
  }

  private skip(record: ConsumedRecord, type: string): void {
    this.metrics.skipped(record.topic, type);
    const message = `Skipped ${type} ${record.headers.ce_id ?? '?'} (${record.topic}[${record.partition}]@${record.offset}): a type this build does not know, from a known producer`;
    // Said once per type at info, then at debug: a newer producer may send thousands during a rolling deploy.
    if (this.skippedTypesLogged.has(type)) this.logger.debug(message);
    else {
      this.skippedTypesLogged.add(type);
      this.logger.log(`${message}; further ones are counted in messaging_events_skipped_total`);
    }
  }

  private backoff(attempt: number): number {
    const first = this.options.retryBackoffMs ?? messagingDefaults.retryBackoffMs;
    return Math.min(MAX_BACKOFF_MS, first * 2 ** Math.min(attempt - 1, 20));
  }

  /** Sleeps, cut short when the service stops; then throws so that the record stays uncommitted. */
  private async pause(ms: number, record: ConsumedRecord): Promise<void> {
    if (!this.stopping)
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.wakeOnStop.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, ms);
        this.wakeOnStop.add(wake);
      });
    if (this.stopping) throw new InboxStoppedError(record);
  }

  private applyOnce(
    envelope: EventEnvelope,
    record: ConsumedRecord,
    handler: EventHandler,
  ): Promise<'applied' | 'duplicate'> {
    const context = { correlationId: envelope.correlationid ?? envelope.id, causationId: envelope.id };
    return runWithMessageContext(context, () =>
      inTransaction(this.dataSource, async (manager) => {
        const inserted: unknown[] = await manager.query(
          `insert into inbox_message (consumer_group, event_id, event_type, topic, kafka_partition, kafka_offset)
           values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning event_id`,
          [this.group, envelope.id, envelope.type, record.topic, record.partition, record.offset],
        );
        if (!inserted.length) return 'duplicate';
        const done = this.metrics.timeHandler(envelope.type);
        try {
          await handler(envelope);
        } finally {
          done();
        }
        return 'applied';
      }),
    );
  }
}
