import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fromKafkaRecord, validateEventPayload, type EventEnvelope } from '@msp/contracts';
import { inTransaction } from '@msp/persistence';
import { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
import { runWithMessageContext } from '../message-context';
import { MessagingMetrics } from '../messaging.metrics';
import { MESSAGING_OPTIONS, messagingDefaults, type MessagingOptions } from '../messaging.options';
import type { ConsumedRecord } from './consumed-record';
import { EventHandlerRegistry, type EventHandler } from './event-handler.registry';

const MAX_BACKOFF_MS = 5_000;

/**
 * Applies each consumed event exactly once in effect: the handler's writes and the inbox row commit in one
 * transaction, so a redelivered event finds its row and is skipped. Processing failures are retried with back-off;
 * after the last attempt, or at once for a message that can never be valid, it goes to the dead-letter topic and
 * the partition moves on.
 */
@Injectable()
export class InboxProcessor {
  private readonly logger = new Logger(InboxProcessor.name);
  private readonly group: string;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
    private readonly handlers: EventHandlerRegistry,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly metrics: MessagingMetrics,
  ) {
    this.group = options.consumerGroup ?? options.serviceName;
  }

  async process(record: ConsumedRecord, heartbeat: () => Promise<void> = async () => undefined): Promise<void> {
    let envelope: EventEnvelope;
    try {
      envelope = fromKafkaRecord(record);
      validateEventPayload(envelope.type, envelope.data);
    } catch (error) {
      await this.deadLetters.publish(record, `invalid message: ${(error as Error).message}`, 0);
      this.metrics.consumed(record.topic, record.headers.ce_type ?? 'unknown', 'dead_lettered');
      return;
    }
    const handler = this.handlers.handlerFor(envelope.type);
    if (!handler) {
      this.metrics.consumed(record.topic, envelope.type, 'ignored');
      return;
    }
    const maxAttempts = this.options.maxAttempts ?? messagingDefaults.maxAttempts;
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.applyOnce(envelope, record, handler);
        this.metrics.consumed(record.topic, envelope.type, outcome);
        return;
      } catch (error) {
        const reason = (error as Error).message;
        if (attempt >= maxAttempts) {
          await this.deadLetters.publish(record, `processing failed: ${reason}`, attempt);
          this.metrics.consumed(record.topic, envelope.type, 'dead_lettered');
          return;
        }
        this.logger.warn(`Attempt ${attempt}/${maxAttempts} for ${envelope.type} ${envelope.id} failed: ${reason}`);
        await sleep(
          Math.min(
            MAX_BACKOFF_MS,
            (this.options.retryBackoffMs ?? messagingDefaults.retryBackoffMs) * 2 ** (attempt - 1),
          ),
        );
        await heartbeat();
      }
    }
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
