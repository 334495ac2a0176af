import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { createTopics, topicSpecs } from '../src/kafka/create-topics';

// libs/testing builds on this library, so its specs read the broker address the global setup publishes directly.
const testKafkaBrokers = (): string[] => (process.env.MSP_TEST_KAFKA_BROKERS ?? '').split(',');
const uniqueSuffix = (): string => randomBytes(4).toString('hex');

describe('createTopics (real Kafka)', () => {
  const prefix = `spec-${uniqueSuffix()}`;
  const topics = [`${prefix}.scheduling.events`, `${prefix}.scheduling.events.dlq`, `${prefix}.directory.events`];
  const admin = new Kafka({
    clientId: 'create-topics-spec',
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
  }).admin();

  beforeAll(() => admin.connect());
  afterAll(async () => {
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  });

  it('creates what is missing with the planned partitions, and is idempotent, also when two launchers race', async () => {
    // One topic exists beforehand, with a partition count the launcher must leave alone.
    await admin.createTopics({
      topics: [{ topic: topics[2], numPartitions: 2, replicationFactor: 1 }],
      waitForLeaders: true,
    });

    const first = await createTopics(testKafkaBrokers(), topicSpecs(topics));
    expect(first.created.sort()).toEqual([topics[0], topics[1]].sort());
    expect(first.existing).toEqual([topics[2]]);

    const [again, concurrent] = await Promise.all([
      createTopics(testKafkaBrokers(), topicSpecs(topics)),
      createTopics(testKafkaBrokers(), topicSpecs(topics)),
    ]);
    expect(again.created).toEqual([]);
    expect(concurrent.existing.sort()).toEqual([...topics].sort());

    const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
    const partitions = Object.fromEntries(metadata.map((t) => [t.name, t.partitions.length]));
    expect(partitions).toEqual({ [topics[0]]: 3, [topics[1]]: 1, [topics[2]]: 2 });
  });
});
