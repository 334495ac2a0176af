import { allTopics, DEAD_LETTER_SUFFIX } from '@msp/contracts';
import { Kafka, logLevel } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  replicationFactor: number;
}

/** Event topics get 3 partitions (room for a consumer group of 3); dead-letter topics are low-volume and get 1. */
export function topicSpecs(topics: readonly string[] = allTopics(), replicationFactor = 1): TopicSpec[] {
  return topics.map((topic) => ({
    topic,
    numPartitions: topic.endsWith(DEAD_LETTER_SUFFIX) ? 1 : 3,
    replicationFactor,
  }));
}

export interface TopicCreationResult {
  created: string[];
  existing: string[];
}

/**
 * Creates the topics that do not exist yet and waits for their leaders. Idempotent, and safe when another process
 * creates the same topics at the same time. Existing topics are left as they are (partitions are never changed).
 */
export async function createTopics(
  brokers: readonly string[],
  specs: readonly TopicSpec[] = topicSpecs(),
): Promise<TopicCreationResult> {
  const admin = new Kafka({
    clientId: 'msp-local-stack-topics',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const present = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !present.has(spec.topic));
    if (missing.length) {
      try {
        await admin.createTopics({ topics: missing.map((spec) => ({ ...spec })), waitForLeaders: true });
      } catch (error) {
        // kafkajs reports "already exists" only when every topic of the request existed; a partial race lands here.
        const stillMissing = await listMissing(admin, missing);
        if (stillMissing.length) throw error;
      }
    }
    return {
      created: missing.map((spec) => spec.topic),
      existing: specs.filter((spec) => present.has(spec.topic)).map((spec) => spec.topic),
    };
  } finally {
    await admin.disconnect();
  }
}

async function listMissing(admin: ReturnType<Kafka['admin']>, specs: readonly TopicSpec[]): Promise<string[]> {
  const present = new Set(await admin.listTopics());
  return specs.filter((spec) => !present.has(spec.topic)).map((spec) => spec.topic);
}
