import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { TOPICS } from '@msp/contracts';
import { createTestDatabase, expectEventually, faultKafka } from '@msp/testing';
import { MessagingReadinessCheck } from '../../src';
import { EventProducer } from '../../src/kafka/event-producer';
import { EventRecorder, readTopics, startRelayTestApp } from '../fixtures/relay-test-app';

/** Issue 8, item 1: a producer whose first connection fails (Kafka down beyond kafkajs' retries) recovers by itself. */
describe('a service started while Kafka is down', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('producer_recovery');
  });

  afterAll(async () => {
    await faultKafka.start();
    await app?.close();
    await database?.drop();
  });

  it('is not ready while Kafka is away, then publishes what it recorded once Kafka is back, without a restart', async () => {
    await faultKafka.stop();
    app = await startRelayTestApp(database.url, 'producer-recovery', faultKafka.brokers());
    const readiness = app.get(MessagingReadinessCheck);
    const producer = app.get(EventProducer);
    const eventId = await app.get(EventRecorder).record(randomUUID());

    // The relay's first connection attempt exhausts kafkajs' own retries: from then on, readiness says why at once.
    await expectEventually(() => expect(producer.failure).toMatch(/^cannot connect to Kafka/), 180_000, 1_000);
    await expect(readiness.check()).rejects.toThrow(/producer cannot connect to Kafka/);

    await faultKafka.start();
    const wire = await readTopics([TOPICS.scheduling], faultKafka.brokers(), true);
    try {
      await expectEventually(() => expect(wire.records.map((r) => r.eventId)).toContain(eventId), 180_000, 500);
    } finally {
      await wire.stop();
    }
    await expectEventually(() => expect(producer.failure).toBeUndefined(), 60_000, 500);
    await expectEventually(() => readiness.check(), 60_000, 1_000);
  });
});
