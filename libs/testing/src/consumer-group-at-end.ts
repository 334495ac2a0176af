import { Kafka, KafkaJSProtocolError, logLevel } from 'kafkajs';
import { testKafkaBrokers } from './test-environment';

/**
 * Commits the current end of each topic as a new consumer group's position, so that a service booted by one test file
 * reads only what is published from now on. The test topics are shared by every file of the run: without this, each
 * new group (a service reading `fromBeginning`, as it must in production) would first work through every event the
 * earlier files published, and a spec's own events would arrive late under load. A partition the group has already
 * committed keeps its place: a service restarted on its group goes on from where it stopped, as it would in production.
 *
 * One short-lived member joins the group, commits and leaves. Not kafkajs's `admin.setOffsets`, which joins once per
 * topic and waits out a 5-second fetch each time: 15 seconds of every service spec's start.
 */
export async function startConsumerGroupAtEnd(groupId: string, topics: readonly string[]): Promise<void> {
  const kafka = new Kafka({ clientId: 'spec-offsets', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  let ends: Array<{ topic: string; partition: number; offset: string }>;
  try {
    const committed = await retryWhileRetriable(() => admin.fetchOffsets({ groupId, topics: [...topics] }));
    const placed = new Set(
      committed.flatMap(({ topic, partitions }) =>
        partitions.filter(({ offset }) => Number(offset) >= 0).map(({ partition }) => `${topic}/${partition}`),
      ),
    );
    ends = (
      await Promise.all(
        topics.map(async (topic) =>
          (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ topic, partition, offset: high })),
        ),
      )
    )
      .flat()
      .filter(({ topic, partition }) => !placed.has(`${topic}/${partition}`));
  } finally {
    await admin.disconnect();
  }
  if (ends.length === 0) return;

  const member = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await member.connect();
  try {
    await member.subscribe({ topics: [...topics], fromBeginning: true });
    const joined = new Promise<void>((resolve) => member.on(member.events.GROUP_JOIN, () => resolve()));
    // Nothing is read: the topics are paused at once and no batch is ever resolved, so only the commit below counts.
    await member.run({ eachBatchAutoResolve: false, eachBatch: async () => undefined });
    member.pause(topics.map((topic) => ({ topic })));
    await joined;
    await member.commitOffsets(ends);
  } finally {
    await member.disconnect();
  }
}

/**
 * kafkajs's admin does not retry an offset fetch: on a broker that has just started, the group coordinator answers
 * COORDINATOR_LOAD_IN_PROGRESS (retriable) while it loads `__consumer_offsets`, and the first spec of the run failed on it.
 */
async function retryWhileRetriable<T>(attempt: () => Promise<T>, deadline = Date.now() + 30_000): Promise<T> {
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof KafkaJSProtocolError) || !error.retriable || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
