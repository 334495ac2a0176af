import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { register } from 'prom-client';
import { DataSource } from 'typeorm';
import { TOPICS } from '@msp/contracts';
import { createTestDatabase, expectEventually } from '@msp/testing';
import { EventRecorder, readTopics, startRelayTestApp } from './fixtures/relay-test-app';

interface OutboxState {
  position: string;
  event_id: string;
  topic: string;
  sent_at: Date | null;
  parked_at: Date | null;
  park_reason: string | null;
}

describe('outbox rows Kafka rejects for good are parked; other aggregates go on (real PostgreSQL and Kafka)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: INestApplication;
  let db: DataSource;
  let recorder: EventRecorder;
  let wire: Awaited<ReturnType<typeof readTopics>>;

  beforeAll(async () => {
    database = await createTestDatabase('outbox_parking');
    app = await startRelayTestApp(database.url);
    db = app.get(DataSource);
    recorder = app.get(EventRecorder);
    wire = await readTopics([TOPICS.scheduling]);
  });

  afterAll(async () => {
    await wire?.stop();
    await app?.close();
    await database?.drop();
  });

  /** Commits, in one transaction, one event per entry: `topic` and `payload` replace a valid event's when given. */
  async function commitTogether(rows: Array<{ aggregate: string; topic?: string; payload?: string }>) {
    const template = await recorder.record(randomUUID());
    const [valid] = await db.query(`select headers, payload from outbox_message where event_id = $1`, [template]);
    const ids = rows.map(() => randomUUID());
    await db.transaction(async (manager) => {
      for (const [i, row] of rows.entries())
        await manager.query(
          `insert into outbox_message (event_id, topic, message_key, event_type, headers, payload)
           values ($1, $2, $3, 'scheduling.appointment.booked.v1', $4, $5)`,
          [
            ids[i],
            row.topic ?? TOPICS.scheduling,
            row.aggregate,
            JSON.stringify({ ...valid.headers, ce_id: ids[i] }),
            row.payload ?? valid.payload,
          ],
        );
    });
    return ids;
  }

  const state = async (eventId: string): Promise<OutboxState> =>
    (await db.query(`select * from outbox_message where event_id = $1`, [eventId]))[0];
  const onWire = (eventId: string) => wire.records.some((r) => r.eventId === eventId);
  const parkedCount = async (reason: string): Promise<number> =>
    (await register.getSingleMetric('messaging_outbox_parked_total')!.get()).values
      .filter((v) => v.labels.reason === reason)
      .reduce((sum, v) => sum + v.value, 0);

  it('parks a row whose topic does not exist with the later rows of its aggregate, and publishes the others', async () => {
    const [first, poison, other] = [randomUUID(), randomUUID(), randomUUID()];
    const missingTopic = 'scheduling.no-such-topic';
    const before = await parkedCount('topic_missing');
    const [firstId, poisonId, behindId, otherId] = await commitTogether([
      { aggregate: first },
      { aggregate: poison, topic: missingTopic },
      { aggregate: poison, topic: missingTopic },
      { aggregate: other },
    ]);

    await expectEventually(() => expect(onWire(otherId) && onWire(firstId)).toBe(true), 60_000);
    await expectEventually(async () => expect((await state(behindId)).parked_at).not.toBeNull(), 30_000);
    const parked = await state(poisonId);
    expect(parked.sent_at).toBeNull();
    expect(parked.park_reason).toBe(`topic ${missingTopic} does not exist`);
    expect((await state(behindId)).park_reason).toBe(`behind parked row ${parked.position}`);
    expect(await parkedCount('topic_missing')).toBe(before + 1);
  });

  it('parks a message larger than Kafka accepts, and later events of its aggregate, and publishes the others', async () => {
    const [big, next] = [randomUUID(), randomUUID()];
    const before = await parkedCount('message_too_large');
    const tooLarge = JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) });
    const [bigId, nextId] = await commitTogether([{ aggregate: big, payload: tooLarge }, { aggregate: next }]);

    await expectEventually(() => expect(onWire(nextId)).toBe(true), 60_000);
    await expectEventually(async () => expect((await state(bigId)).parked_at).not.toBeNull(), 30_000);
    const parked = await state(bigId);
    expect(parked.park_reason).toMatch(/^Kafka rejects it: MESSAGE_TOO_LARGE/);
    expect(await parkedCount('message_too_large')).toBe(before + 1);

    // Committed later, in a batch of its own: still waits behind the parked row; other aggregates go on.
    const later = await recorder.record(big);
    const fresh = await recorder.record(randomUUID());
    await expectEventually(() => expect(onWire(fresh)).toBe(true), 60_000);
    await expectEventually(async () =>
      expect(await state(later)).toMatchObject({ sent_at: null, park_reason: `behind parked row ${parked.position}` }),
    );
    expect(onWire(later)).toBe(false);
    const gauge = await register.getSingleMetric('messaging_outbox_parked')!.get();
    expect(gauge.values[0].value).toBe(4); // both tests' parked rows, in this database
  });
});
