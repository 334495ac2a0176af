import { Inject, Injectable, Logger } from '@nestjs/common';
import { deadLetterTopic } from '@msp/contracts';
import { EventProducer } from '../kafka/event-producer';
import type { ConsumedRecord } from '../inbox/consumed-record';
import { MessagingMetrics } from '../messaging.metrics';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { DLQ_HEADERS } from './dead-letter-headers';

/** Sends a message the service could not process to `<topic>.dlq`, untouched, with the reason beside it. */
@Injectable()
export class DeadLetterPublisher {
  private readonly logger = new Logger(DeadLetterPublisher.name);

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly producer: EventProducer,
    private readonly metrics: MessagingMetrics,
  ) {}

  async publish(record: ConsumedRecord, reason: string, attempts: number): Promise<void> {
    const group = this.options.consumerGroup ?? this.options.serviceName;
    const topic = deadLetterTopic(record.topic);
    await this.producer.send([
      {
        topic,
        messages: [
          {
            key: record.key,
            value: record.value,
            headers: {
              ...record.headers,
              [DLQ_HEADERS.reason]: reason.slice(0, 4_000),
              [DLQ_HEADERS.originalTopic]: record.topic,
              [DLQ_HEADERS.originalPartition]: String(record.partition),
              [DLQ_HEADERS.originalOffset]: record.offset,
              [DLQ_HEADERS.consumerGroup]: group,
              [DLQ_HEADERS.attempts]: String(attempts),
              [DLQ_HEADERS.failedAt]: new Date().toISOString(),
            },
          },
        ],
      },
    ]);
    this.metrics.deadLettered(record.topic, group);
    this.logger.warn(
      `Dead-lettered ${record.topic}[${record.partition}]@${record.offset} (event ${record.headers.ce_id ?? '?'}) after ${attempts} attempt(s): ${reason}`,
    );
  }
}
