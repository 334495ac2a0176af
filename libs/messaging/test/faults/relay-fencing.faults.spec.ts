import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TOPICS } from '@msp/contracts';
import { createTestDatabase, expectEventually, faultKafka } from '@msp/testing';
import { OutboxRelay } from '../../src';
import { EventProducer } from '../../src/kafka/event-producer';
import { EventRecorder, readTopics, startRelayTestApp } from '../fixtures/relay-test-app';

interface Send {
  relay: string;
  start: number;
  end: number;
}

/** Issue 8, item 3: relay leadership is fenced, so a relay that lost its lock never publishes beside the new leader. */
describe('two relays on one database, the leader losing its connection', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: INestApplication;
  let b: INestApplication;
  let db: DataSource;
  const sends: Send[] = [];

  /** Records every publish request of a relay's producer, with when it started and ended. */
  function watchSends(app: INestApplication, relay: string): void {
    const producer = app.get(EventProducer);
    const send = producer.send.bind(producer);
    producer.send = async (batch) => {
      const start = performance.now();
      try {
        await send(batch);
      } finally {
        sends.push({ relay, start, end: performance.now() });
      }
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase('relay_fencing');
    a = await startRelayTestApp(database.url, 'relay-a', faultKafka.brokers());
    await expectEventually(() => expect(a.get(OutboxRelay).isLeader).toBe(true));
    b = await startRelayTestApp(database.url, 'relay-b', faultKafka.brokers());
    db = a.get(DataSource);
    watchSends(a, 'a');
    watchSends(b, 'b');
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  const killRelayConnection = async (relay: string): Promise<number> =>
    (
      await db.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and application_name = $2`,
        [database.name, `${relay}-outbox-relay`],
      )
    ).length;

  it('never publishes from two relays at once, loses nothing, keeps each aggregate in order, and parks a poison row', async () => {
    expect(b.get(OutboxRelay).isLeader).toBe(false);
    const wire = await readTopics([TOPICS.scheduling], faultKafka.brokers(), true);
    const aggregates = Array.from({ length: 6 }, () => randomUUID());
    const recorded: string[] = [];
    // One writer per aggregate, as a service's lock on the aggregate's row ensures: its events commit in outbox order.
    const writer = async (app: INestApplication, mine: string[], rounds: number) => {
      for (let i = 0; i < rounds; i++) {
        for (const aggregate of mine) recorded.push(await app.get(EventRecorder).record(aggregate));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    const writing = Promise.all([writer(a, aggregates.slice(0, 3), 40), writer(b, aggregates.slice(3), 40)]);
    await expectEventually(() => expect(recorded.length).toBeGreaterThan(60), 60_000, 10);
    const killedAt = performance.now();
    expect(await killRelayConnection('relay-a')).toBe(1);

    // A poison row (its topic does not exist) and a later row of its aggregate, committed while the leader changes.
    const poisonAggregate = randomUUID();
    const [template] = await db.query(`select headers, payload from outbox_message limit 1`);
    const [poison, behind] = [randomUUID(), randomUUID()];
    for (const id of [poison, behind])
      await db.query(
        `insert into outbox_message (event_id, topic, message_key, event_type, headers, payload)
         values ($1, 'scheduling.missing-topic', $2, 'scheduling.appointment.booked.v1', $3, $4)`,
        [id, poisonAggregate, JSON.stringify({ ...template.headers, ce_id: id }), template.payload],
      );
    await writing;

    try {
      // Nothing lost: every recorded event reaches Kafka (duplicates of the batch in flight at the kill are allowed).
      await expectEventually(
        () => expect(new Set(wire.records.map((r) => r.eventId)).size).toBeGreaterThanOrEqual(recorded.length),
        180_000,
        500,
      );
      const seen = new Set(wire.records.map((r) => r.eventId));
      expect(recorded.filter((id) => !seen.has(id))).toEqual([]);
    } finally {
      await wire.stop();
    }

    // Each aggregate's events arrive (first time) in the order they were committed.
    const positions = new Map<string, number>(
      (await db.query(`select event_id, position from outbox_message`)).map(
        (r: { event_id: string; position: string }) => [r.event_id, Number(r.position)],
      ),
    );
    const firstSeen = new Set<string>();
    const lastPosition = new Map<string, number>();
    for (const record of wire.records) {
      if (firstSeen.has(record.eventId) || !positions.has(record.eventId)) continue; // other specs' events
      firstSeen.add(record.eventId);
      const position = positions.get(record.eventId)!;
      expect(position).toBeGreaterThan(lastPosition.get(record.key) ?? 0);
      lastPosition.set(record.key, position);
    }

    // No interleaving: publish requests of the two relays never overlap in time.
    const ordered = [...sends].sort((x, y) => x.start - y.start);
    for (let i = 1; i < ordered.length; i++)
      if (ordered[i].relay !== ordered[i - 1].relay)
        expect(ordered[i].start).toBeGreaterThanOrEqual(ordered[i - 1].end);
    expect(sends.some((s) => s.start > killedAt)).toBe(true);

    // One leader, and the relay that lost its connection has reconnected (as leader or follower).
    await expectEventually(() => expect([a, b].filter((app) => app.get(OutboxRelay).isLeader)).toHaveLength(1));
    await expectEventually(async () => {
      const [{ count }] = await db.query(
        `select count(*)::int as count from pg_stat_activity where datname = $1 and application_name = 'relay-a-outbox-relay'`,
        [database.name],
      );
      expect(count).toBe(1);
    });

    // The poison row and the later row of its aggregate are parked; nothing else waits.
    const rows = await db.query(
      `select event_id, park_reason, sent_at from outbox_message where parked_at is not null`,
    );
    expect(rows.map((r: { event_id: string }) => r.event_id).sort()).toEqual([poison, behind].sort());
    expect(rows.find((r: { event_id: string }) => r.event_id === poison).park_reason).toBe(
      'topic scheduling.missing-topic does not exist',
    );
    const [{ waiting }] = await db.query(
      `select count(*)::int as waiting from outbox_message where sent_at is null and parked_at is null`,
    );
    expect(waiting).toBe(0);
  });
});
