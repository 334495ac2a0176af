import { Kafka, Partitioners, type Producer } from 'kafkajs';
import { createEnvelope, toKafkaRecord, TOPICS } from '@msp/contracts';
import { expectEventually, testKafkaBrokers } from '@msp/testing';
import { DepartedMemberFeeds } from '../src/application/ical/departed-member-feeds';
import { DirectoryStub } from './fixtures/directory-stub';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, type SeededAgenda } from './fixtures/seed-agenda';

const CREATE = `mutation { createIcalFeed { url feed { id } } }`;
const REVOKE = `mutation($id: ID!) { revokeIcalFeed(feedId: $id) { id revokedAt } }`;
const REVOKE_MEMBER = `mutation($id: ID!) { revokeMemberIcalFeeds(memberId: $id) { id revokedAt } }`;

interface Created {
  url: string;
  id: string;
}

/** Calendar feeds stop working when their practitioner leaves, and administrators can stop them (SCH-10). */
describe('revoking calendar feeds: on leaving, and by administrators', () => {
  let directory: DirectoryStub;
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;
  let other: SeededAgenda;
  let producer: Producer;

  beforeAll(async () => {
    directory = await DirectoryStub.start();
    scheduling = await SchedulingTestApp.start('scheduling_ical_revocation', { DIRECTORY_INTERNAL_URL: directory.url });
    agenda = await seedAgenda(scheduling);
    other = await seedAgenda(scheduling);
    producer = new Kafka({ clientId: 'scheduling-spec-ical', brokers: testKafkaBrokers(), logLevel: 0 }).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await scheduling?.stop();
    await directory?.stop();
  });

  const colleague = () => ({ memberId: agenda.colleagueId, memberships: agenda.as.practitioner.memberships });
  const create = async (user = agenda.as.practitioner): Promise<Created> => {
    const { createIcalFeed } = await scheduling.ok<{ createIcalFeed: { url: string; feed: { id: string } } }>(
      CREATE,
      {},
      user,
    );
    return { url: createIcalFeed.url, id: createIcalFeed.feed.id };
  };
  const status = async (feed: Created) => (await fetch(feed.url)).status;

  it('revokes every feed of a member who leaves (directory.member.left.v1 on Kafka), and no one else’s; applied again, nothing more', async () => {
    const first = await create();
    const second = await create();
    const colleagues = await create(colleague());
    expect(await status(first)).toBe(200);

    const envelope = createEnvelope(
      'directory.member.left.v1',
      { memberId: agenda.gpId, structureId: agenda.structureId, leftAt: new Date().toISOString() },
      { source: '/msp/directory' },
    );
    const record = toKafkaRecord(envelope);
    await producer.send({
      topic: TOPICS.directory,
      messages: [{ key: record.key, value: record.value, headers: record.headers }],
    });

    // Scheduling reads the whole directory topic from its start: under load the backlog takes a while.
    await expectEventually(
      async () => {
        expect(await status(first)).toBe(404);
        expect(await status(second)).toBe(404);
      },
      60_000,
      200,
    );
    expect(await status(colleagues)).toBe(200);
    const revokedAt = await scheduling.sql<{ revoked_at: Date }>(
      `select revoked_at from ical_feed where id = any($1) order by id`,
      [[first.id, second.id]],
    );
    expect(revokedAt).toHaveLength(2);

    // Applied again (a replay from the dead-letter topic), it revokes nothing more and keeps the first instant.
    expect(await scheduling.get(DepartedMemberFeeds).revoke({ memberId: agenda.gpId })).toBe(0);
    expect(
      await scheduling.sql(`select revoked_at from ical_feed where id = any($1) order by id`, [[first.id, second.id]]),
    ).toEqual(revokedAt);
  });

  it("lets an administrator revoke a feed, or all feeds, of a member of their structure; another structure's is NOT_FOUND", async () => {
    const one = await create(colleague());
    const two = await create(colleague());

    // An administrator of another structure, and a secretary of the same one, see no such feed or member.
    for (const user of [other.as.administrator, agenda.as.secretary]) {
      const feed = await scheduling.gql(REVOKE, { id: one.id }, user);
      expect(feed.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'feedId' });
      const member = await scheduling.gql(REVOKE_MEMBER, { id: agenda.colleagueId }, user);
      expect(member.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'memberId' });
    }
    expect(await status(one)).toBe(200);
    expect(await status(two)).toBe(200);

    const { revokeIcalFeed } = await scheduling.ok<{ revokeIcalFeed: { id: string; revokedAt: string } }>(
      REVOKE,
      { id: one.id },
      agenda.as.administrator,
    );
    expect(revokeIcalFeed).toEqual({ id: one.id, revokedAt: expect.any(String) });
    expect(await status(one)).toBe(404);
    expect(await status(two)).toBe(200);

    const { revokeMemberIcalFeeds } = await scheduling.ok<{ revokeMemberIcalFeeds: Array<{ id: string }> }>(
      REVOKE_MEMBER,
      { id: agenda.colleagueId },
      agenda.as.administrator,
    );
    expect(revokeMemberIcalFeeds.map((f) => f.id)).toContain(two.id);
    expect(await status(two)).toBe(404);
  });
});
