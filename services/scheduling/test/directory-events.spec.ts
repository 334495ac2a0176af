import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import { createEnvelope, eventDefinition, toKafkaRecord, type EventPayloads, type EventType } from '@msp/contracts';
import { expectEventually, testKafkaBrokers } from '@msp/testing';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';

describe("scheduling keeps the directory's sites and members from its events", () => {
  let scheduling: SchedulingTestApp;
  let producer: Producer;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_directory_events');
    producer = new Kafka({ clientId: 'scheduling-spec-directory', brokers: testKafkaBrokers(), logLevel: 0 }).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await scheduling?.stop();
  });

  async function publish<K extends EventType>(type: K, data: EventPayloads[K]): Promise<void> {
    const record = toKafkaRecord(createEnvelope(type, data, { source: '/msp/directory' }));
    await producer.send({
      topic: eventDefinition(type).topic,
      messages: [{ key: record.key, value: record.value, headers: record.headers }],
    });
  }

  it('projects a site opened (with its zone) and a member who joins, moves and leaves', async () => {
    const siteId = randomUUID();
    const structureId = randomUUID();
    const memberId = randomUUID();
    const at = new Date().toISOString();
    await publish('directory.site.opened.v1', {
      siteId,
      structureId,
      timeZone: 'Indian/Reunion',
      openingHours: [],
      openedAt: at,
    });
    await publish('directory.member.joined.v1', {
      memberId,
      structureId,
      profession: 'midwife',
      roles: ['practitioner'],
      siteIds: [siteId],
      joinedAt: at,
    });
    await expectEventually(async () => {
      expect(await scheduling.sql(`select structure_id, time_zone from site_ref where site_id = $1`, [siteId])).toEqual(
        [{ structure_id: structureId, time_zone: 'Indian/Reunion' }],
      );
      expect(
        await scheduling.sql(`select profession, site_ids from team_member where member_id = $1`, [memberId]),
      ).toEqual([{ profession: 'midwife', site_ids: [siteId] }]);
    });
    await publish('directory.site.hours-changed.v1', {
      siteId,
      structureId,
      timeZone: 'America/Cayenne',
      openingHours: [],
      changedAt: at,
    });
    await publish('directory.member.left.v1', { memberId, structureId, leftAt: at });
    await expectEventually(async () => {
      expect(await scheduling.sql(`select time_zone from site_ref where site_id = $1`, [siteId])).toEqual([
        { time_zone: 'America/Cayenne' },
      ]);
      const [member] = await scheduling.sql<{ left_at: Date | null }>(
        `select left_at from team_member where member_id = $1`,
        [memberId],
      );
      expect(member.left_at).toBeInstanceOf(Date);
    });
  });
});
