import { deadLetterTopic } from '@msp/contracts';
import { Partitioners, type IHeaders, type Kafka } from 'kafkajs';
import { DLQ_HEADER_PREFIX, DLQ_HEADERS } from './dead-letter-headers';

export interface ReplayOptions {
  /** The original topic, e.g. `scheduling.events`; letters are read from `<topic>.dlq`. */
  topic: string;
  /** Only letters dead-lettered by this consumer group (default: all). */
  consumerGroup?: string;
  /** Count what would be replayed without sending anything or moving the replay position. */
  dryRun?: boolean;
}

export interface ReplayReport {
  replayed: number;
  skipped: number;
}

const REPLAY_GROUP_PREFIX = 'msp-dlq-replay.';

/**
 * Sends each dead letter not yet replayed back to its original topic with its original key and headers, so the consumer
 * that failed gets it again once the cause is fixed (other groups already applied it and skip it through their inbox).
 * Progress is a committed offset of a dedicated consumer group, so running it twice replays nothing twice.
 */
export async function replayDeadLetters(kafka: Kafka, options: ReplayOptions): Promise<ReplayReport> {
  const source = deadLetterTopic(options.topic);
  const admin = kafka.admin();
  await admin.connect();
  // Progress is kept per topic and per filter, so replaying one group's letters leaves the others' replayable.
  const groupId = `${REPLAY_GROUP_PREFIX}${options.topic}.${options.consumerGroup ?? 'all'}`;
  const ends = await admin.fetchTopicOffsets(source);
  const committed = (await admin.fetchOffsets({ groupId, topics: [source] }))[0]?.partitions ?? [];
  await admin.disconnect();

  const pending = new Map<number, bigint>();
  for (const end of ends) {
    const done = BigInt(committed.find((c) => c.partition === end.partition)?.offset ?? '-1');
    const from = done >= 0n ? done : BigInt(end.low);
    if (BigInt(end.high) > from) pending.set(end.partition, BigInt(end.high));
  }
  const report: ReplayReport = { replayed: 0, skipped: 0 };
  if (!pending.size) return report;

  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  await Promise.all([producer.connect(), consumer.connect()]);
  try {
    await consumer.subscribe({ topics: [source], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = pending.get(partition);
            if (end === undefined || BigInt(message.offset) >= end) return;
            const headers = message.headers ?? {};
            const group = headers[DLQ_HEADERS.consumerGroup]?.toString();
            if (options.consumerGroup && group !== options.consumerGroup) report.skipped++;
            else {
              if (!options.dryRun) {
                await producer.send({
                  topic: options.topic,
                  acks: -1,
                  messages: [{ key: message.key, value: message.value, headers: originalHeaders(headers) }],
                });
              }
              report.replayed++;
            }
            if (!options.dryRun)
              await consumer.commitOffsets([
                { topic: source, partition, offset: (BigInt(message.offset) + 1n).toString() },
              ]);
            if (BigInt(message.offset) + 1n >= end) pending.delete(partition);
            if (!pending.size) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
  }
  return report;
}

function originalHeaders(headers: IHeaders): IHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(DLQ_HEADER_PREFIX)));
}
