import { Kafka, logLevel } from 'kafkajs';

/** Creates the topics that do not exist yet (idempotent); event topics get 3 partitions, dead-letter topics 1. */
export async function createTopics(brokers: string[], topics: string[], partitions = 3): Promise<void> {
  const admin = new Kafka({ clientId: 'msp-topic-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: topic.endsWith('.dlq') ? 1 : partitions, replicationFactor: 1 })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}
