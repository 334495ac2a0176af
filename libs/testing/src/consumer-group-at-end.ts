import { Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from './test-environment';

/**
 * Commits the current end of each topic as a new consumer group's position, so that a service booted by one test file
 * reads only what is published from now on. The test topics are shared by every file of the run: without this, each
 * new group (a service reading `fromBeginning`, as it must in production) would first work through every event the
 * earlier files published, and a spec's own events would arrive late under load.
 */
export async function startConsumerGroupAtEnd(groupId: string, topics: readonly string[]): Promise<void> {
  const admin = new Kafka({
    clientId: 'spec-offsets',
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: offsets.map(({ partition, high }) => ({ partition, offset: high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}
