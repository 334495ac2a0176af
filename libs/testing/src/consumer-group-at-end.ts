import { Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from './test-environment';

/**
 * Commits the current end of each topic as a new consumer group's position, so that a service booted by one test file
 * reads only what is published from now on. The test topics are shared by every file of the run: without this, each
 * new group (a service reading `fromBeginning`, as it must in production) would first work through every event the
 * earlier files published, and a spec's own events would arrive late under load. A partition the group has already
 * committed keeps its place: a service restarted on its group goes on from where it stopped, as it would in production.
 */
export async function startConsumerGroupAtEnd(groupId: string, topics: readonly string[]): Promise<void> {
  const admin = new Kafka({
    clientId: 'spec-offsets',
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    for (const topic of topics) {
      const placed = new Set(
        committed
          .find((t) => t.topic === topic)
          ?.partitions.filter(({ offset }) => Number(offset) >= 0)
          .map(({ partition }) => partition),
      );
      const partitions = (await admin.fetchTopicOffsets(topic))
        .filter(({ partition }) => !placed.has(partition))
        .map(({ partition, high }) => ({ partition, offset: high }));
      if (partitions.length > 0) await admin.setOffsets({ groupId, topic, partitions });
    }
  } finally {
    await admin.disconnect();
  }
}
