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
    const otherSiteId = randomUUID();
    const structureId = randomUUID();
    const memberId = randomUUID();
    const at = new Date().toISOString();
    const site = (id: string) => ({ siteId: id, structureId, openingHours: [], openedAt: at });
    const projectedMember = () =>
      scheduling.sql<{ profession: string; roles: string[]; site_ids: string[]; left_at: Date | null }>(
        `select profession, roles, site_ids, left_at from team_member where member_id = $1`,
        [memberId],
      );
    // Scheduling reads the whole directory topic from its start: under load the backlog takes a while.
    const eventually = (assertion: () => Promise<void>) => expectEventually(assertion, 60_000, 200);

    await publish('directory.site.opened.v1', { ...site(siteId), timeZone: 'Indian/Reunion' });
    await publish('directory.site.opened.v1', { ...site(otherSiteId), timeZone: 'Indian/Reunion' });
    await publish('directory.member.joined.v1', {
      memberId,
      structureId,
      profession: 'midwife',
      roles: ['practitioner'],
      siteIds: [siteId],
      joinedAt: at,
    });
    await eventually(async () => {
      expect(await scheduling.sql(`select structure_id, time_zone from site_ref where site_id = $1`, [siteId])).toEqual(
        [{ structure_id: structureId, time_zone: 'Indian/Reunion' }],
      );
      expect(await projectedMember()).toEqual([
        { profession: 'midwife', roles: ['practitioner'], site_ids: [siteId], left_at: null },
      ]);
    });

    await publish('directory.member.updated.v1', {
      memberId,
      structureId,
      profession: 'midwife',
      roles: ['practitioner', 'coordinator'],
      siteIds: [otherSiteId],
      updatedAt: at,
    });
    await eventually(async () =>
      expect(await projectedMember()).toEqual([
        { profession: 'midwife', roles: ['practitioner', 'coordinator'], site_ids: [otherSiteId], left_at: null },
      ]),
    );

    await publish('directory.site.hours-changed.v1', {
      siteId,
      structureId,
      timeZone: 'America/Cayenne',
      openingHours: [],
      changedAt: at,
    });
    await publish('directory.member.left.v1', { memberId, structureId, leftAt: at });
    await eventually(async () => {
      expect(await scheduling.sql(`select time_zone from site_ref where site_id = $1`, [siteId])).toEqual([
        { time_zone: 'America/Cayenne' },
      ]);
      const [member] = await projectedMember();
      expect(member.left_at).toEqual(new Date(at));
    });
  });
});
