import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { register } from 'prom-client';
import { DataSource } from 'typeorm';
import { EVENT_REGISTRY, TOPICS } from '@msp/contracts';
import { createTestDatabase, expectEventually, testKafkaBrokers, uniqueSuffix } from '@msp/testing';
import { DLQ_HEADERS } from '../src';
import { AppointmentProjection } from './fixtures/appointment-projection';
import { BookingService } from './fixtures/booking.service';
import { MemberProjection } from './fixtures/member-projection';
import { header, watchDeadLetters, type DeadLetterWatcher } from './fixtures/dead-letter-watcher';
import { startMessagingTestApp } from './fixtures/messaging-test-app';

const booked = EVENT_REGISTRY['scheduling.appointment.booked.v1'].example;

/**
 * The inbox tells the event's own faults (dead-lettered) from the platform's (waited out) and from a newer producer's
 * additions (read tolerantly): real PostgreSQL and Kafka, the consumer configured with 3 attempts 50 ms apart.
 */
describe('inbox: outages waited out, newer producers read tolerantly (real PostgreSQL and Kafka)', () => {
  const group = `spec-inbox-${uniqueSuffix()}`;
  const kafka = new Kafka({ clientId: 'inbox-spec', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: INestApplication;
  let booking: BookingService;
  let projection: AppointmentProjection;
  let watcher: DeadLetterWatcher;

  beforeAll(async () => {
    database = await createTestDatabase('inbox_tolerance');
    app = await startMessagingTestApp(database.url, group, [TOPICS.scheduling, TOPICS.directory]);
    booking = app.get(BookingService);
    projection = app.get(AppointmentProjection);
    watcher = await watchDeadLetters(kafka, [TOPICS.scheduling, TOPICS.directory]);
  });

  afterAll(async () => {
    projection.outage = false;
    await watcher?.stop();
    await app?.close();
    await database?.drop();
  });

  const applied = async (id: string): Promise<string[]> =>
    (
      await app
        .get(DataSource)
        .query(`select event_type from applied_event where appointment_id = $1 order by seq`, [id])
    ).map((row: { event_type: string }) => row.event_type);

  async function send(key: string, type: string, data: unknown, topic: string = TOPICS.scheduling): Promise<void> {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        {
          key,
          value: JSON.stringify(data),
          headers: { ce_id: randomUUID(), ce_source: '/msp/scheduling', ce_type: type, ce_specversion: '1.0' },
        },
      ],
    });
    await producer.disconnect();
  }

  const metricValue = async (name: string, labels: Record<string, string>): Promise<number> =>
    (await register.getSingleMetric(name)!.get()).values
      .filter((v) => Object.entries(labels).every(([k, value]) => v.labels[k] === value))
      .reduce((sum, v) => sum + v.value, 0);

  it('waits out a database outage longer than all retries: nothing dead-lettered, each event applied once and in order', async () => {
    const first = randomUUID();
    const second = randomUUID();
    [first, second].forEach((id) => projection.tracked.add(id));
    const retriesBefore = await metricValue('messaging_inbox_outage_retries_total', { consumer_group: group });
    projection.outage = true;

    await booking.book(first);
    await booking.cancel(first);
    await booking.book(second);
    await booking.cancel(second);
    // Well past the 3 attempts a failing handler gets: the connection killed, refused, a serialization failure, in turn.
    await expectEventually(
      async () =>
        expect(await metricValue('messaging_inbox_outage_retries_total', { consumer_group: group })).toBeGreaterThan(
          retriesBefore + 6,
        ),
      60_000,
    );
    expect(await applied(first)).toEqual([]);
    projection.outage = false;

    const inOrder = ['scheduling.appointment.booked.v1', 'scheduling.appointment.cancelled.v1'];
    await expectEventually(async () => {
      expect(await applied(first)).toEqual(inOrder);
      expect(await applied(second)).toEqual(inOrder);
    }, 60_000);
    expect([...watcher.of(first, group), ...watcher.of(second, group)]).toEqual([]);
  });

  it('applies a v1 payload carrying a field this build does not know, and hands the handler only the known ones', async () => {
    const id = randomUUID();
    projection.tracked.add(id);
    await send(id, 'scheduling.appointment.booked.v1', { ...booked, appointmentId: id, addedByANewerProducer: 'x' });
    await expectEventually(async () => expect(await applied(id)).toEqual(['scheduling.appointment.booked.v1']));
    expect(projection.seen.get(id)).toEqual({ ...booked, appointmentId: id });
    expect(watcher.of(id, group)).toEqual([]);
  });

  it('skips and counts an unknown type of a known producer instead of dead-lettering it, and goes on', async () => {
    const id = randomUUID();
    projection.tracked.add(id);
    const type = 'scheduling.something.v1';
    const before = await metricValue('messaging_events_skipped_total', { type });
    await send(id, type, { appointmentId: id });
    // Same key, same partition: once this one is applied, the unknown one before it has been dealt with.
    await send(id, 'scheduling.appointment.booked.v1', { ...booked, appointmentId: id });
    await expectEventually(async () => expect(await applied(id)).toEqual(['scheduling.appointment.booked.v1']));
    expect(await metricValue('messaging_events_skipped_total', { type })).toBe(before + 1);
    expect(watcher.of(id, group)).toEqual([]);
  });

  // On the directory topic: the scheduling topic's other consumers (dead-letters.spec.ts) would dead-letter them too.
  const member = EVENT_REGISTRY['directory.member.updated.v1'].example;
  it.each([
    ['a v1 payload missing a required field', 'directory.member.updated.v1', 'missing', /\/structureId/],
    ['a v1 payload with a field of the wrong type', 'directory.member.updated.v1', 'retyped', /\/roles/],
    ['a type of no known producer', 'billing.invoice.paid.v1', 'as is', /unknown event type billing/],
  ])('still dead-letters %s at once', async (_label, type, change, reason) => {
    const id = randomUUID();
    app.get(MemberProjection).tracked.add(id);
    const { structureId: _dropped, ...withoutStructure } = { ...member, memberId: id };
    const data =
      change === 'missing'
        ? withoutStructure
        : change === 'retyped'
          ? { ...member, memberId: id, roles: 'gp' }
          : { ...member, memberId: id };
    await send(id, type, data, TOPICS.directory);
    const [letter] = await expectEventually(() => {
      const letters = watcher.of(id, group);
      expect(letters).toHaveLength(1);
      return letters;
    });
    expect(header(letter!, DLQ_HEADERS.reason)).toMatch(reason);
    expect(header(letter!, DLQ_HEADERS.attempts)).toBe('0');
    expect(await applied(id)).toEqual([]);
  });

  it('applies a valid event of that topic all the same', async () => {
    const id = randomUUID();
    app.get(MemberProjection).tracked.add(id);
    await send(id, 'directory.member.updated.v1', { ...member, memberId: id }, TOPICS.directory);
    await expectEventually(async () => expect(await applied(id)).toEqual(['directory.member.updated.v1']));
  });
});

describe('inbox: a service stopped while it waits out an outage (real PostgreSQL and Kafka)', () => {
  const group = `spec-inbox-stop-${uniqueSuffix()}`;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('inbox_stop');
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('stops without waiting for the dependency and without committing the record: the next start applies it once', async () => {
    app = await startMessagingTestApp(database.url, group);
    const first = app.get(AppointmentProjection);
    const id = randomUUID();
    first.tracked.add(id);
    first.outage = true;
    await app.get(BookingService).book(id);
    await expectEventually(() => expect(first.outageHits).toBeGreaterThanOrEqual(2), 60_000);
    await app.close(); // would hang for as long as the outage lasts if the wait were not cut short
    app = undefined;

    app = await startMessagingTestApp(database.url, group);
    app.get(AppointmentProjection).tracked.add(id);
    const applied = () =>
      app!.get(DataSource).query(`select event_type from applied_event where appointment_id = $1`, [id]);
    await expectEventually(
      async () => expect(await applied()).toEqual([{ event_type: 'scheduling.appointment.booked.v1' }]),
      60_000,
    );
  });
});
