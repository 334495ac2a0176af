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

  /** Publishes as the directory would, recorded at `time`; returns the event id. */
  async function publish<K extends EventType>(type: K, data: EventPayloads[K], time?: Date): Promise<string> {
    const envelope = createEnvelope(type, data, { source: '/msp/directory', time });
    const record = toKafkaRecord(envelope);
    await producer.send({
      topic: eventDefinition(type).topic,
      messages: [{ key: record.key, value: record.value, headers: record.headers }],
    });
    return envelope.id;
  }

  /** Waits until scheduling's inbox has handled the event (applied, or found older than the row and left out). */
  const handled = (eventId: string) =>
    expectEventually(
      async () =>
        expect(await scheduling.sql(`select 1 from inbox_message where event_id = $1`, [eventId])).toHaveLength(1),
      60_000,
      200,
    );

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

  it('never lets an older event undo a newer one: member.updated replayed after member.left keeps the member gone', async () => {
    const structureId = randomUUID();
    const siteId = randomUUID();
    const memberId = randomUUID();
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute));
    const membership = { memberId, structureId, profession: 'nurse', roles: ['practitioner'], siteIds: [siteId] };
    const row = async () =>
      (
        await scheduling.sql<{ roles: string[]; left_at: Date | null }>(
          `select roles, left_at from team_member where member_id = $1 and structure_id = $2`,
          [memberId, structureId],
        )
      )[0];

    await publish('directory.member.joined.v1', { ...membership, joinedAt: at(0).toISOString() }, at(0));
    await publish('directory.member.left.v1', { memberId, structureId, leftAt: at(2).toISOString() }, at(2));
    // What a dead letter replayed later looks like: recorded at 9:01, delivered after the 9:02 departure.
    const replayed = await publish(
      'directory.member.updated.v1',
      { ...membership, roles: ['practitioner', 'coordinator'], updatedAt: at(1).toISOString() },
      at(1),
    );
    await handled(replayed);
    expect(await row()).toEqual({ roles: ['practitioner'], left_at: at(2) });

    // A newer event still applies: the member joins that structure again.
    const rejoined = await publish(
      'directory.member.joined.v1',
      { ...membership, joinedAt: at(4).toISOString() },
      at(4),
    );
    await handled(rejoined);
    expect(await row()).toEqual({ roles: ['practitioner'], left_at: null });
  });

  it('keeps a departure seen before the arrival: a late member.joined does not bring the member back', async () => {
    const structureId = randomUUID();
    const memberId = randomUUID();
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 10, minute));
    await publish('directory.member.left.v1', { memberId, structureId, leftAt: at(5).toISOString() }, at(5));
    const late = await publish(
      'directory.member.joined.v1',
      {
        memberId,
        structureId,
        profession: 'nurse',
        roles: ['practitioner'],
        siteIds: [],
        joinedAt: at(0).toISOString(),
      },
      at(0),
    );
    await handled(late);
    expect(await scheduling.sql(`select left_at from team_member where member_id = $1`, [memberId])).toEqual([
      { left_at: at(5) },
    ]);
  });

  it('never lets an older site event undo a newer one', async () => {
    const siteId = randomUUID();
    const structureId = randomUUID();
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 11, minute));
    const hours = (timeZone: string, minute: number) =>
      publish(
        'directory.site.hours-changed.v1',
        { siteId, structureId, timeZone, openingHours: [], changedAt: at(minute).toISOString() },
        at(minute),
      );
    await hours('Europe/Paris', 0);
    await hours('America/Cayenne', 2);
    await handled(await hours('Indian/Reunion', 1));
    expect(await scheduling.sql(`select time_zone from site_ref where site_id = $1`, [siteId])).toEqual([
      { time_zone: 'America/Cayenne' },
    ]);
  });
});
