import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { register } from 'prom-client';
import { DataSource } from 'typeorm';
import { NoActiveTransactionError, TransactionRunner } from '@msp/persistence';
import { createTestDatabase, expectEventually } from '@msp/testing';
import { OutboxRelay, OutboxWriter } from '../src';
import { AppointmentProjection } from './fixtures/appointment-projection';
import { BookingService } from './fixtures/booking.service';
import { startMessagingTestApp } from './fixtures/messaging-test-app';

describe('transactional outbox and idempotent inbox (real PostgreSQL and Kafka)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: INestApplication;
  let db: DataSource;
  let booking: BookingService;
  let projection: AppointmentProjection;

  beforeAll(async () => {
    database = await createTestDatabase('messaging');
    app = await startMessagingTestApp(database.url);
    db = app.get(DataSource);
    booking = app.get(BookingService);
    projection = app.get(AppointmentProjection);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await db.query(sql, params))[0].count);
  const duplicatesSeen = async (): Promise<number> => {
    const metric = await register.getSingleMetric('messaging_events_consumed_total')!.get();
    return metric.values.filter((v) => v.labels.outcome === 'duplicate').reduce((sum, v) => sum + v.value, 0);
  };
  // The topic is the platform's own, shared by every spec of the run: the consumer starts at its end, but reads the
  // events other specs publish meanwhile (thousands, when a demo month is played beside it) with this spec's.
  const throughKafka = <T>(assertion: () => Promise<T>) => expectEventually(assertion, 150_000, 200);
  const appliedFor = (ids: string[]) =>
    db.query(
      `select appointment_id, event_type, event_id from applied_event where appointment_id = any($1::uuid[]) order by seq`,
      [ids],
    );

  it('commits the state change and its event together, or neither', async () => {
    const committed = await booking.book();
    expect(await count(`select count(*) from appointment where id = $1`, [committed])).toBe(1);
    expect(await count(`select count(*) from outbox_message where message_key = $1`, [committed])).toBe(1);

    const rolledBack = randomUUID();
    await expect(
      booking.book(rolledBack, () => {
        throw new Error('crash after recording the event');
      }),
    ).rejects.toThrow('crash after recording');
    expect(await count(`select count(*) from appointment where id = $1`, [rolledBack])).toBe(0);
    expect(await count(`select count(*) from outbox_message where message_key = $1`, [rolledBack])).toBe(0);
  });

  it('refuses to record an event outside a transaction', async () => {
    const example = { appointmentId: randomUUID() } as never;
    await expect(app.get(OutboxWriter).record('scheduling.appointment.booked.v1', example)).rejects.toThrow(
      NoActiveTransactionError,
    );
  });

  it('refuses an invalid payload before anything is written', async () => {
    const writer = app.get(OutboxWriter);
    const before = await count('select count(*) from outbox_message');
    await expect(
      app
        .get(TransactionRunner)
        .run(() => writer.record('scheduling.appointment.booked.v1', { appointmentId: 'nope' } as never)),
    ).rejects.toThrow(/appointmentId/);
    expect(await count('select count(*) from outbox_message')).toBe(before);
  });

  it('applies each event exactly once even when the relay re-publishes after a crash before marking rows sent', async () => {
    const ids = Array.from({ length: 10 }, () => randomUUID());
    ids.forEach((id) => projection.tracked.add(id));
    for (const id of ids) await booking.book(id);
    await throughKafka(async () => expect(await appliedFor(ids)).toHaveLength(10));

    const duplicatesBefore = await duplicatesSeen();
    // The database as a relay killed between publish and mark-as-sent leaves it: published, yet unsent.
    await db.query(`update outbox_message set sent_at = null where message_key = any($1)`, [ids]);
    const relay = app.get(OutboxRelay);
    await relay.flush();
    expect(
      await count(`select count(*) from outbox_message where message_key = any($1) and sent_at is null`, [ids]),
    ).toBe(0);

    // The redelivered copies reach the consumer, which recognises them, and change nothing.
    await throughKafka(async () => expect((await duplicatesSeen()) - duplicatesBefore).toBeGreaterThanOrEqual(10));
    const applied = await appliedFor(ids);
    expect(applied).toHaveLength(10);
    expect(new Set(applied.map((row: { event_id: string }) => row.event_id)).size).toBe(10);
  }, 330_000);

  it("applies one aggregate's events in the order they were committed", async () => {
    const ids = Array.from({ length: 15 }, () => randomUUID());
    ids.forEach((id) => projection.tracked.add(id));
    for (const id of ids) {
      await booking.book(id);
      await booking.cancel(id);
    }
    await throughKafka(async () => expect(await appliedFor(ids)).toHaveLength(30));
    const applied: Array<{ appointment_id: string; event_type: string }> = await appliedFor(ids);
    for (const id of ids) {
      expect(applied.filter((row) => row.appointment_id === id).map((row) => row.event_type)).toEqual([
        'scheduling.appointment.booked.v1',
        'scheduling.appointment.cancelled.v1',
      ]);
    }
  }, 180_000);
});

describe('metrics', () => {
  it('exposes the outbox backlog, the consumer lag of the group and consumed events for Prometheus', async () => {
    const database = await createTestDatabase('metrics');
    const app = await startMessagingTestApp(database.url, 'spec-metrics-group');
    try {
      await app.get(BookingService).book();
      await expectEventually(async () => {
        const text = await register.metrics();
        expect(text).toMatch(/messaging_outbox_backlog \d+/);
        expect(text).toMatch(
          /messaging_consumer_lag\{topic="scheduling\.events",partition="\d",consumer_group="spec-metrics-group"\} \d+/,
        );
        expect(text).toMatch(/messaging_events_published_total\{topic="scheduling\.events"\} [1-9]/);
      });
    } finally {
      await app.close();
      await database.drop();
    }
  });
});

describe('graceful shutdown', () => {
  it('publishes every committed event before the service stops', async () => {
    const database = await createTestDatabase('shutdown');
    const app = await startMessagingTestApp(database.url);
    for (let i = 0; i < 25; i++) await app.get(BookingService).book();
    await app.close(); // right after the last commit: the relay may be mid-batch or not woken yet

    const check = new DataSource({ type: 'postgres', url: database.url });
    await check.initialize();
    const [{ count }] = await check.query('select count(*) from outbox_message where sent_at is null');
    await check.destroy();
    await database.drop();
    expect(Number(count)).toBe(0);
  });
});
