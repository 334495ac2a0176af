import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { register } from 'prom-client';
import { DataSource } from 'typeorm';
import { createEnvelope, EVENT_REGISTRY, toKafkaRecord, TOPICS, type EventType } from '@msp/contracts';
import { createTestDatabase, expectEventually, faultPostgres, testKafkaBrokers, uniqueSuffix } from '@msp/testing';
import { AppointmentProjection } from '../fixtures/appointment-projection';
import { watchDeadLetters, type DeadLetterWatcher } from '../fixtures/dead-letter-watcher';
import { startMessagingTestApp } from '../fixtures/messaging-test-app';

const AGGREGATES = 100;
const EVENTS_PER_AGGREGATE = 5;
/** Far beyond every retry a failing handler gets (3 attempts, 50 ms doubling in the fixture; 5 × 200 ms by default). */
const OUTAGE_MS = 15_000;

const booked = EVENT_REGISTRY['scheduling.appointment.booked.v1'].example;

function eventOf(appointmentId: string, n: number) {
  const type: EventType = n % 2 ? 'scheduling.appointment.cancelled.v1' : 'scheduling.appointment.booked.v1';
  const data =
    type === 'scheduling.appointment.booked.v1'
      ? { ...booked, appointmentId }
      : {
          appointmentId,
          practitionerId: booked.practitionerId,
          cancelledBy: 'patient',
          reason: 'patient_request',
          cancelledAt: new Date().toISOString(),
        };
  return createEnvelope(type as 'scheduling.appointment.booked.v1', data as typeof booked, {
    source: '/msp/scheduling',
  });
}

const outageRetries = async (group: string): Promise<number> =>
  (await register.getSingleMetric('messaging_inbox_outage_retries_total')!.get()).values
    .filter((v) => v.labels.consumer_group === group)
    .reduce((sum, v) => sum + v.value, 0);

describe('inbox through a PostgreSQL outage (fault suite: the private PostgreSQL is stopped)', () => {
  const group = `faults-inbox-${uniqueSuffix()}`;
  const kafka = new Kafka({ clientId: 'inbox-faults', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: INestApplication;
  let projection: AppointmentProjection;
  let watcher: DeadLetterWatcher;

  beforeAll(async () => {
    database = await createTestDatabase('inbox_outage');
    app = await startMessagingTestApp(database.url, group);
    projection = app.get(AppointmentProjection);
    watcher = await watchDeadLetters(kafka);
  });

  afterAll(async () => {
    await faultPostgres.start();
    await watcher?.stop();
    await app?.close();
    await database?.drop();
  });

  it('stopped longer than all retries while 500 events wait: 0 dead letters, each applied once, in order per aggregate', async () => {
    const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const send = async (envelopes: ReturnType<typeof eventOf>[]) => {
      await producer.send({
        topic: TOPICS.scheduling,
        acks: -1,
        messages: envelopes.map((envelope) => {
          const record = toKafkaRecord(envelope);
          return { key: record.key, value: record.value, headers: record.headers };
        }),
      });
    };
    const applied = async (): Promise<Array<{ appointment_id: string; event_id: string }>> =>
      app.get(DataSource).query(`select appointment_id, event_id from applied_event order by seq`);

    // The consumer is up and has its partitions: a first event goes through.
    const warmUp = randomUUID();
    projection.tracked.add(warmUp);
    await send([eventOf(warmUp, 0)]);
    await expectEventually(
      async () => expect((await applied()).map((r) => r.appointment_id)).toContain(warmUp),
      60_000,
    );

    const appointments: string[] = Array.from({ length: AGGREGATES }, () => randomUUID());
    appointments.forEach((id) => projection.tracked.add(id));
    const expected = new Map(
      appointments.map((id) => [id, Array.from({ length: EVENTS_PER_AGGREGATE }, (_, n) => eventOf(id, n))]),
    );

    const retriesBefore = await outageRetries(group);
    await faultPostgres.stop();
    try {
      // Round-robin across aggregates, in each aggregate's order: 500 events wait for a consumer that cannot write.
      for (let n = 0; n < EVENTS_PER_AGGREGATE; n++) await send(appointments.map((id) => expected.get(id)![n]!));
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      expect(await outageRetries(group)).toBeGreaterThan(retriesBefore + 5);
    } finally {
      await faultPostgres.start();
    }
    await producer.disconnect();

    const rows = await expectEventually(
      async () => {
        const all = (await applied()).filter((row) => expected.has(row.appointment_id));
        expect(all).toHaveLength(AGGREGATES * EVENTS_PER_AGGREGATE);
        return all;
      },
      180_000,
      500,
    );
    expect(new Set(rows.map((row) => row.event_id)).size).toBe(AGGREGATES * EVENTS_PER_AGGREGATE);
    for (const [id, envelopes] of expected)
      expect(rows.filter((row) => row.appointment_id === id).map((row) => row.event_id)).toEqual(
        envelopes.map((envelope) => envelope.id),
      );
    expect(appointments.flatMap((id) => watcher.of(id, group))).toEqual([]);
  });
});
