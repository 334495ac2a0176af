import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TOPICS } from '@msp/contracts';
import { freePort } from '@msp/infra';
import {
  expectEventually,
  startConsumerGroupAtEnd,
  SubgraphProcess,
  TestEventPublisher,
  uniqueSuffix,
} from '@msp/testing';
import { CoordinationTestApp } from './fixtures/coordination-test-app';
import { addActionItem, clockAt, closeMinutes, heldMeeting } from './fixtures/minutes';
import { openPractice, type Practice } from './fixtures/practice';

/**
 * COO-5 with the real delegation service (its own process, database and consumer group, as in production): the
 * action items of closed minutes reach it through coordination's outbox and Kafka, and make one task each however
 * often Kafka delivers them.
 */
describe('closed minutes make delegation’s tasks', () => {
  let app: CoordinationTestApp;
  let delegation: SubgraphProcess;
  let delegationDb: Client;
  let events: TestEventPublisher;
  let practice: Practice;

  beforeAll(async () => {
    app = await CoordinationTestApp.start('coordination_to_delegation');
    const group = `delegation-for-coordination-${uniqueSuffix()}`;
    await startConsumerGroupAtEnd(group, [
      TOPICS.directory,
      TOPICS.scheduling,
      TOPICS.callRouting,
      TOPICS.coordination,
    ]);
    delegation = await SubgraphProcess.start('delegation', await freePort(), 'coordination_delegation', {
      KAFKA_CONSUMER_GROUP: group,
      // The directory's team snapshot, from coordination's stub of it (empty: the events fill both copies).
      DIRECTORY_INTERNAL_URL: app.directory.url,
      DELEGATION_SWEEP_INTERVAL_MS: '3600000',
    });
    delegationDb = new Client({ connectionString: delegation.databaseUrl });
    await delegationDb.connect();
    events = await TestEventPublisher.start('coordination-spec-to-delegation');
    practice = await openPractice(app, events);
    // Delegation learns the team from the same events: an assignee it does not know would go to the pool.
    await expectEventually(
      async () => {
        const { rows } = await delegationDb.query(
          `select count(*)::int as n from team_member where structure_id = $1`,
          [practice.structureId],
        );
        expect(rows[0]).toEqual({ n: practice.all.length });
      },
      60_000,
      250,
    );
  }, 300_000);

  afterAll(async () => {
    await delegationDb?.end();
    await Promise.all([app?.stop(), delegation?.stop()]);
    await events?.stop();
  });

  const tasksOf = async (actionItemIds: string[]) =>
    (
      await delegationDb.query(
        `select source_id, origin, assignee_id, pool_role, patient_id, due_at from task
         where origin = 'meeting_action_item' and source_id = any($1::uuid[]) order by source_id`,
        [actionItemIds],
      )
    ).rows as Array<{ source_id: string; assignee_id: string | null; pool_role: string | null; patient_id: string }>;

  it('Closing minutes with 3 action items creates exactly 3 tasks in delegation, even when the events are delivered twice', async () => {
    const { coordinator, gps, nurse, physio } = practice;
    const patientId = randomUUID();
    const { meeting, cases } = await heldMeeting(
      app,
      practice,
      '2026-12-08T11:30:00.000Z',
      [
        [coordinator, 'present'],
        [gps[0], 'present'],
        [nurse, 'present'],
        [physio, 'present'],
      ],
      { cases: [{ presenter: gps[0], patientId }] },
    );
    const caseId = cases[0]!.id;
    await addActionItem(app, coordinator, {
      meetingId: meeting.id,
      caseId,
      description: 'Passage infirmier quotidien',
      assigneeId: nurse.id,
      dueAt: '2026-12-12T17:00:00.000Z',
    });
    await addActionItem(app, coordinator, {
      meetingId: meeting.id,
      caseId,
      description: 'Bilan kiné à domicile',
      assigneeId: physio.id,
    });
    const minutes = await addActionItem(app, coordinator, {
      meetingId: meeting.id,
      description: 'Mettre à jour l’annuaire des partenaires',
      assigneeId: null,
    });
    const itemIds = minutes.actionItems.map((a) => a.id).sort();
    expect(itemIds).toHaveLength(3);
    clockAt(app, '2026-12-08T14:00:00.000Z');
    await closeMinutes(app, coordinator, meeting.id);

    // The relay publishes the outbox after the commit; delegation makes its tasks.
    await expectEventually(async () => expect(await tasksOf(itemIds)).toHaveLength(3), 60_000, 250);

    // Kafka delivers the same records again (same event ids), and the same facts under new ids.
    const sent = await app.sql<{
      topic: string;
      message_key: string;
      headers: Record<string, string>;
      payload: string;
    }>(
      `select topic, message_key, headers, payload from outbox_message
       where event_type = 'coordination.action-item.created.v1' and sent_at is not null and message_key = any($1)
       order by position`,
      [itemIds],
    );
    expect(sent).toHaveLength(3);
    for (const record of sent)
      await events.redeliver({
        topic: record.topic,
        key: record.message_key,
        headers: record.headers,
        payload: record.payload,
      });
    const newIds: string[] = [];
    for (const record of sent)
      newIds.push(await events.publish('coordination.action-item.created.v1', JSON.parse(record.payload)));
    // Each fact under a new id follows its redelivery on the same key, so the same partition: once delegation's
    // inbox holds them, it has consumed the redeliveries too.
    await expectEventually(
      async () => {
        const { rows } = await delegationDb.query(
          `select count(*)::int as n from inbox_message where event_id = any($1::text[])`,
          [newIds],
        );
        expect(rows[0]).toEqual({ n: 3 });
      },
      60_000,
      250,
    );

    const tasks = await tasksOf(itemIds);
    expect(tasks.map((t) => t.source_id)).toEqual(itemIds);
    const byItem = new Map(minutes.actionItems.map((a) => [a.id, a]));
    expect(tasks.find((t) => byItem.get(t.source_id)?.assigneeId === nurse.id)).toMatchObject({
      assignee_id: nurse.id,
      patient_id: patientId,
    });
    expect(tasks.find((t) => byItem.get(t.source_id)?.assigneeId === physio.id)).toMatchObject({
      assignee_id: physio.id,
    });
    // The meeting-level item, nobody named: the structure's pool.
    expect(tasks.find((t) => byItem.get(t.source_id)?.caseId === null)).toMatchObject({
      assignee_id: null,
      patient_id: null,
    });
  }, 180_000);
});
