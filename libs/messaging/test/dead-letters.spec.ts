import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EVENT_REGISTRY, TOPICS } from '@msp/contracts';
import { createTestDatabase, expectEventually, testKafkaBrokers, uniqueSuffix } from '@msp/testing';
import { DLQ_HEADERS, replayDeadLetters } from '../src';
import { AppointmentProjection } from './fixtures/appointment-projection';
import { BookingService } from './fixtures/booking.service';
import { header, watchDeadLetters } from './fixtures/dead-letter-watcher';
import { startMessagingTestApp } from './fixtures/messaging-test-app';

describe('retries, dead letters and replay (real PostgreSQL and Kafka)', () => {
  const group = `spec-dlq-${uniqueSuffix()}`;
  const kafka = new Kafka({ clientId: 'dlq-spec', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: INestApplication;
  let booking: BookingService;
  let projection: AppointmentProjection;
  let watcher: Awaited<ReturnType<typeof watchDeadLetters>>;

  beforeAll(async () => {
    database = await createTestDatabase('dead_letters');
    app = await startMessagingTestApp(database.url, group);
    booking = app.get(BookingService);
    projection = app.get(AppointmentProjection);
    watcher = await watchDeadLetters(kafka);
  });

  afterAll(async () => {
    await watcher?.stop();
    await app?.close();
    await database?.drop();
  });

  // The topic is shared by every spec of the run: events other specs publish meanwhile come with this spec's.
  const throughKafka = <T>(assertion: () => T | Promise<T>) => expectEventually(assertion, 90_000, 200);
  const appliedCount = async (id: string): Promise<number> =>
    Number(
      (await app.get(DataSource).query(`select count(*) from applied_event where appointment_id = $1`, [id]))[0].count,
    );

  it('sends a message that keeps failing to the dead-letter topic with the reason, goes on, and replays it once fixed', async () => {
    const poison = randomUUID();
    const next = randomUUID();
    [poison, next].forEach((id) => projection.tracked.add(id));
    projection.failFor.add(poison);
    await booking.book(poison);
    await booking.book(next);

    await throughKafka(async () => expect(await appliedCount(next)).toBe(1));
    const letter = await throughKafka(() => {
      const found = watcher.letters.find(
        (m) => m.key?.toString() === poison && header(m, DLQ_HEADERS.consumerGroup) === group,
      );
      expect(found).toBeDefined();
      return found!;
    });
    expect(projection.attempts).toBe(3);
    expect(header(letter, DLQ_HEADERS.reason)).toContain(`projection refused ${poison}`);
    expect(header(letter, DLQ_HEADERS.attempts)).toBe('3');
    expect(header(letter, DLQ_HEADERS.originalTopic)).toBe(TOPICS.scheduling);
    expect(header(letter, 'ce_type')).toBe('scheduling.appointment.booked.v1');
    expect(await appliedCount(poison)).toBe(0);

    projection.failFor.delete(poison);
    const report = await replayDeadLetters(kafka, { topic: TOPICS.scheduling, consumerGroup: group });
    expect(report.replayed).toBeGreaterThanOrEqual(1);
    await throughKafka(async () => expect(await appliedCount(poison)).toBe(1));

    const again = await replayDeadLetters(kafka, { topic: TOPICS.scheduling, consumerGroup: group });
    expect(again.replayed).toBe(0);
  }, 180_000);

  it('dead-letters a message that breaks its schema at once, without retrying, and keeps consuming', async () => {
    const broken = randomUUID();
    const producer = kafka.producer();
    await producer.connect();
    const { example } = EVENT_REGISTRY['scheduling.appointment.booked.v1'];
    await producer.send({
      topic: TOPICS.scheduling,
      messages: [
        {
          key: broken,
          value: JSON.stringify({ ...example, appointmentId: broken, startsAt: 'next tuesday' }),
          headers: {
            ce_id: randomUUID(),
            ce_source: '/spec',
            ce_type: 'scheduling.appointment.booked.v1',
            ce_specversion: '1.0',
          },
        },
      ],
    });
    await producer.disconnect();
    const letter = await throughKafka(() => {
      const found = watcher.letters.find(
        (m) => m.key?.toString() === broken && header(m, DLQ_HEADERS.consumerGroup) === group,
      );
      expect(found).toBeDefined();
      return found!;
    });
    expect(header(letter, DLQ_HEADERS.reason)).toMatch(/invalid message.*\/startsAt/);
    expect(header(letter, DLQ_HEADERS.attempts)).toBe('0');

    const after = randomUUID();
    projection.tracked.add(after);
    await booking.book(after);
    await throughKafka(async () => expect(await appliedCount(after)).toBe(1));
  }, 180_000);
});
