import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { TOPICS } from '@msp/contracts';
import { InternalHttpClient } from '@msp/messaging';
import { expectEventually, testKafkaBrokers } from '@msp/testing';
import { DirectoryTestApp, type GraphQLResult } from './fixtures/directory-test-app';
import { newRpps } from './fixtures/rpps';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

const UPDATE_MEMBER = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id profession rpps } }`;
const REMOVE_MEMBER = `mutation($input: RemoveMemberInput!) { removeMember(input: $input) }`;
const CHANGE_HOURS = `mutation($input: ChangeSiteHoursInput!) {
  changeSiteHours(input: $input) { id timeZone openingHours { weekday opens closes } } }`;
const SITE = `query($id: ID!) { site(id: $id) { timeZone openingHours { weekday opens closes } } }`;
const MEMBERS_OF_SITE = `query($s: ID!, $site: ID) { members(structureId: $s, siteId: $site) { id } }`;

interface Published {
  type: string;
  key: string;
  data: Record<string, unknown>;
}

function refusal(result: GraphQLResult) {
  expect(result.errors).toHaveLength(1);
  expect(result.data ?? null).toBeNull();
  return result.errors![0].extensions ?? {};
}

describe('members change roles, sites and leave; sites change hours: state, events and refusals', () => {
  let directory: DirectoryTestApp;
  let msp: SeededStructure;
  let other: SeededStructure;
  let annexId: string;
  let internal: InternalHttpClient;
  let consumer: Consumer;
  const published: Published[] = [];

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory_changes');
    msp = await seedStructure(directory, 'MSP des Changements');
    other = await seedStructure(directory, 'MSP Voisine');
    const { openSite } = await directory.ok<{ openSite: { id: string } }>(
      `mutation($input: OpenSiteInput!) { openSite(input: $input) { id } }`,
      {
        input: {
          structureId: msp.structureId,
          name: 'Antenne de Bréal',
          addressLine: '4 rue du Puits',
          postalCode: '35310',
          city: 'Bréal-sous-Montfort',
          phoneLines: [],
          openingHours: [{ weekday: 3, opens: '08:30', closes: '12:30' }],
        },
      },
      msp.admin,
    );
    annexId = openSite.id;
    internal = directory.internalAs('gateway', 5_000);
    consumer = new Kafka({
      clientId: 'directory-changes-spec',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).consumer({ groupId: `directory-changes-spec-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.directory, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const data = JSON.parse(String(message.value)) as Record<string, unknown>; // binary mode: the value is the data
        published.push({ type: String(message.headers?.ce_type), key: String(message.key), data });
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await directory?.stop();
  });

  /** The events of one type about one aggregate that really went out on Kafka, waiting for `count` of them. */
  const onKafka = (type: string, key: string, count = 1) =>
    expectEventually(() => {
      const found = published.filter((event) => event.type === type && event.key === key);
      expect(found).toHaveLength(count);
      return found.map((event) => event.data);
    }, 30_000);
  const outboxCount = async (type: string) => (await directory.events(type)).length;
  const context = (memberId: string) => internal.get<Record<string, unknown>>(`/internal/members/${memberId}/context`);
  const membersOfSite = async (user: SeededStructure['admin'], siteId: string) =>
    (
      await directory.ok<{ members: Array<{ id: string }> }>(
        MEMBERS_OF_SITE,
        { s: msp.structureId, site: siteId },
        user,
      )
    ).members.map((m) => m.id);

  describe('updateMember', () => {
    it("moves a member to another site, changes their roles and RPPS, and publishes the member's new state", async () => {
      const rpps = newRpps();
      const { updateMember } = await directory.ok<{ updateMember: { rpps: string; profession: string } }>(
        UPDATE_MEMBER,
        {
          input: {
            memberId: msp.memberIds.coordinator,
            structureId: msp.structureId,
            roles: ['coordinator', 'practitioner'],
            siteIds: [annexId],
            profession: 'nurse',
            rpps,
          },
        },
        msp.admin,
      );
      expect(updateMember).toEqual({ id: msp.memberIds.coordinator, profession: 'nurse', rpps });
      await expect(context(msp.memberIds.coordinator)).resolves.toEqual({
        memberId: msp.memberIds.coordinator,
        memberships: [{ structureId: msp.structureId, roles: ['coordinator', 'practitioner'], siteIds: [annexId] }],
      });
      expect(await membersOfSite(msp.admin, annexId)).toContain(msp.memberIds.coordinator);
      expect(await membersOfSite(msp.admin, msp.siteId)).not.toContain(msp.memberIds.coordinator);
      const [event] = await onKafka('directory.member.updated.v1', msp.memberIds.coordinator);
      expect(event).toMatchObject({
        memberId: msp.memberIds.coordinator,
        structureId: msp.structureId,
        profession: 'nurse',
        roles: ['coordinator', 'practitioner'],
        siteIds: [annexId],
      });
    });

    it('hands a medical assistant over to another GP, leaves what was not sent unchanged, and publishes a cleared backup as null', async () => {
      const { addMember } = await directory.ok<{ addMember: { id: string } }>(
        `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`,
        {
          input: {
            structureId: msp.structureId,
            firstName: 'Yann',
            lastName: 'Morvan',
            email: `yann-${randomUUID()}@msp.test`,
            profession: 'general_practitioner',
            roles: ['practitioner'],
            siteIds: [msp.siteId],
          },
        },
        msp.admin,
      );
      await directory.ok(
        UPDATE_MEMBER,
        {
          input: {
            memberId: msp.memberIds.medical_assistant,
            structureId: msp.structureId,
            referentId: addMember.id,
            backupReferentId: msp.gpId,
          },
        },
        msp.admin,
      );
      const [event] = await onKafka('directory.member.updated.v1', msp.memberIds.medical_assistant);
      expect(event).toMatchObject({
        profession: 'medical_assistant',
        roles: ['medical_assistant'],
        siteIds: [msp.siteId],
        referentId: addMember.id,
        backupReferentId: msp.gpId,
      });

      await directory.ok(
        UPDATE_MEMBER,
        {
          input: { memberId: msp.memberIds.medical_assistant, structureId: msp.structureId, backupReferentId: null },
        },
        msp.admin,
      );
      const [, cleared] = await onKafka('directory.member.updated.v1', msp.memberIds.medical_assistant, 2);
      expect(cleared).toMatchObject({ referentId: addMember.id, backupReferentId: null });
    });

    it('refuses a site of another structure, a non-practitioner referent, another structure’s member and a secretary, changing nothing', async () => {
      const before = await outboxCount('directory.member.updated.v1');
      const contextBefore = await context(msp.memberIds.secretary);
      const update = (input: Record<string, unknown>, user = msp.admin) =>
        directory.gql(
          UPDATE_MEMBER,
          { input: { memberId: msp.memberIds.secretary, structureId: msp.structureId, ...input } },
          user,
        );
      expect(refusal(await update({ siteIds: [other.siteId], roles: ['coordinator'] }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: expect.stringMatching(/^input\.siteIds/),
      });
      expect(
        refusal(
          await directory.gql(
            UPDATE_MEMBER,
            {
              input: {
                memberId: msp.memberIds.medical_assistant,
                structureId: msp.structureId,
                referentId: msp.memberIds.secretary,
              },
            },
            msp.admin,
          ),
        ),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.referentId' });
      expect(refusal(await update({ memberId: other.memberIds.secretary, roles: ['coordinator'] }))).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(refusal(await update({ roles: ['administrator'] }, msp.as.secretary))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await context(msp.memberIds.secretary)).toEqual(contextBefore);
      expect(await context(other.memberIds.secretary)).toEqual({
        memberId: other.memberIds.secretary,
        memberships: [{ structureId: other.structureId, roles: ['secretary'], siteIds: [other.siteId] }],
      });
      expect(await outboxCount('directory.member.updated.v1')).toBe(before);
    });
  });

  describe('removeMember', () => {
    it('ends the membership: the member loses access, leaves the site list, and the departure is published', async () => {
      const departing = other.memberIds.coordinator;
      await expect(
        directory.ok(REMOVE_MEMBER, { input: { memberId: departing, structureId: other.structureId } }, other.admin),
      ).resolves.toEqual({ removeMember: true });
      await expect(context(departing)).rejects.toMatchObject({ status: 404 });
      const members = await directory.ok<{ members: Array<{ id: string }> }>(
        MEMBERS_OF_SITE,
        { s: other.structureId, site: null },
        other.admin,
      );
      expect(members.members.map((m) => m.id)).not.toContain(departing);
      const [event] = await onKafka('directory.member.left.v1', departing);
      expect(event).toMatchObject({ memberId: departing, structureId: other.structureId });
      expect(Date.parse(String(event.leftAt))).toBeGreaterThan(Date.now() - 60_000);

      const again = await directory.gql(
        REMOVE_MEMBER,
        { input: { memberId: departing, structureId: other.structureId } },
        other.admin,
      );
      expect(refusal(again)).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('refuses to remove the referent of a delegate, or by a secretary, and the member stays', async () => {
      const before = await outboxCount('directory.member.left.v1');
      const referent = await directory.gql(
        REMOVE_MEMBER,
        { input: { memberId: other.gpId, structureId: other.structureId } },
        other.admin,
      );
      expect(refusal(referent)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.memberId' });
      expect(referent.errors![0].message).toMatch(/referent of 1 delegate/);
      const bySecretary = await directory.gql(
        REMOVE_MEMBER,
        { input: { memberId: other.memberIds.secretary, structureId: other.structureId } },
        other.as.secretary,
      );
      expect(refusal(bySecretary)).toMatchObject({ code: 'FORBIDDEN' });
      await expect(context(other.gpId)).resolves.toMatchObject({ memberships: [expect.anything()] });
      await expect(context(other.memberIds.secretary)).resolves.toMatchObject({ memberships: [expect.anything()] });
      expect(await outboxCount('directory.member.left.v1')).toBe(before);
    });
  });

  describe('changeSiteHours', () => {
    it("replaces a site's opening hours and time zone, and publishes them", async () => {
      const openingHours = [
        { weekday: 1, opens: '07:30', closes: '12:00' },
        { weekday: 1, opens: '14:00', closes: '19:30' },
        { weekday: 6, opens: '09:00', closes: '12:00' },
      ];
      const { changeSiteHours } = await directory.ok<{ changeSiteHours: unknown }>(
        CHANGE_HOURS,
        { input: { siteId: annexId, openingHours, timeZone: 'America/Cayenne' } },
        msp.admin,
      );
      expect(changeSiteHours).toEqual({ id: annexId, timeZone: 'America/Cayenne', openingHours });
      await expect(directory.ok(SITE, { id: annexId }, msp.as.secretary)).resolves.toEqual({
        site: { timeZone: 'America/Cayenne', openingHours },
      });
      const [event] = await onKafka('directory.site.hours-changed.v1', annexId);
      expect(event).toMatchObject({
        siteId: annexId,
        structureId: msp.structureId,
        timeZone: 'America/Cayenne',
        openingHours,
      });
    });

    it('keeps the time zone when none is given', async () => {
      const openingHours = [{ weekday: 2, opens: '08:00', closes: '18:00' }];
      await directory.ok(CHANGE_HOURS, { input: { siteId: msp.siteId, openingHours } }, msp.admin);
      await expect(directory.ok(SITE, { id: msp.siteId }, msp.admin)).resolves.toEqual({
        site: { timeZone: 'Europe/Paris', openingHours },
      });
    });

    it("refuses overlapping ranges, an unknown zone, a secretary and another structure's administrator, changing nothing", async () => {
      const site = async () => (await directory.ok<{ site: unknown }>(SITE, { id: other.siteId }, other.admin)).site;
      const before = { site: await site(), events: await outboxCount('directory.site.hours-changed.v1') };
      const change = (input: Record<string, unknown>, user = other.admin) =>
        directory.gql(
          CHANGE_HOURS,
          {
            input: { siteId: other.siteId, openingHours: [{ weekday: 4, opens: '08:00', closes: '12:00' }], ...input },
          },
          user,
        );
      const overlapping = [
        { weekday: 4, opens: '08:00', closes: '12:00' },
        { weekday: 4, opens: '11:00', closes: '13:00' },
      ];
      expect(refusal(await change({ openingHours: overlapping }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.openingHours[1]',
      });
      expect(refusal(await change({ timeZone: 'Europe/Atlantis' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.timeZone',
      });
      expect(refusal(await change({}, other.as.secretary))).toMatchObject({ code: 'FORBIDDEN' });
      // FORBIDDEN today; NOT_FOUND once another structure's objects answer as unknown (issue 7 item 3).
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refusal(await change({}, msp.admin)).code);
      expect(await site()).toEqual(before.site);
      expect(await outboxCount('directory.site.hours-changed.v1')).toBe(before.events);
    });
  });
});
