import { randomUUID } from 'node:crypto';
import type { UserContext } from '@msp/auth';
import { TestEventPublisher } from '@msp/testing';
import { CallRoutingTestApp } from './fixtures/call-routing-test-app';
import { openPractice, phoneNumber, type Practice } from './fixtures/practice';

const ADD = `mutation($input: AddPhoneLineInput!) { addPhoneLine(input: $input) { id number deskNumber practitionerId siteId } }`;
const REMOVE = `mutation($lineId: ID!) { removePhoneLine(lineId: $lineId) { id } }`;
const LINES = `query($structureId: ID!) { phoneLines(structureId: $structureId) { id number practitionerId } }`;

describe('phone lines per site and per practitioner (CAL-1)', () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  let other: Practice;

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('lines');
    events = await TestEventPublisher.start('call-routing-spec-lines');
    [practice, other] = [await openPractice(app, events, { practitioners: 2 }), await openPractice(app, events)];
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  const errorOf = async (query: string, variables: Record<string, unknown>, user: UserContext) =>
    (await app.gql(query, variables, user)).errors?.[0];

  it("adds a practitioner's own line, stored in E.164 from the national form, and lists it", async () => {
    const data = await app.ok<{ addPhoneLine: Record<string, string> }>(
      ADD,
      {
        input: {
          siteId: practice.siteId,
          practitionerId: practice.practitioners[0],
          number: '02 99 12 34 56',
          deskNumber: '06.12.34.56.78',
          label: 'Dr Martin, ligne directe',
        },
      },
      practice.admin,
    );
    expect(data.addPhoneLine).toMatchObject({
      number: '+33299123456',
      deskNumber: '+33612345678',
      practitionerId: practice.practitioners[0],
      siteId: practice.siteId,
    });
    const { phoneLines } = await app.ok<{ phoneLines: Array<{ number: string }> }>(
      LINES,
      { structureId: practice.structureId },
      practice.practitioner(practice.practitioners[1]),
    );
    expect(phoneLines.map((l) => l.number)).toEqual(expect.arrayContaining([practice.siteLine, '+33299123456']));
  });

  it('refuses a number already live on the platform, and gives it again once removed', async () => {
    const number = phoneNumber();
    const input = { siteId: practice.siteId, number, deskNumber: phoneNumber(), label: 'Accueil' };
    const { addPhoneLine } = await app.ok<{ addPhoneLine: { id: string } }>(ADD, { input }, practice.admin);
    const taken = await errorOf(
      ADD,
      { input: { ...input, siteId: other.siteId, deskNumber: phoneNumber() } },
      other.admin,
    );
    expect(taken?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.number' });
    await app.ok(REMOVE, { lineId: addPhoneLine.id }, practice.admin);
    await app.ok(ADD, { input: { ...input, siteId: other.siteId } }, other.admin);
  });

  it('refuses a bad number, naming the field, and writes nothing', async () => {
    const before = await app.sql(`select count(*)::int as n from phone_line`);
    const error = await errorOf(
      ADD,
      { input: { siteId: practice.siteId, number: '12345', deskNumber: phoneNumber(), label: 'Accueil' } },
      practice.admin,
    );
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.number' });
    expect(await app.sql(`select count(*)::int as n from phone_line`)).toEqual(before);
  });

  it('lets only administrators manage lines; another structure sees nothing, like a missing id', async () => {
    const secretary: UserContext = {
      memberId: randomUUID(),
      memberships: [{ structureId: practice.structureId, roles: ['secretary'], siteIds: [practice.siteId] }],
    };
    const input = { siteId: practice.siteId, number: phoneNumber(), deskNumber: phoneNumber(), label: 'Accueil' };
    expect((await errorOf(ADD, { input }, secretary))?.extensions?.code).toBe('FORBIDDEN');
    const outsider = await errorOf(ADD, { input }, other.admin);
    const missing = await errorOf(ADD, { input: { ...input, siteId: randomUUID() } }, other.admin);
    expect(outsider?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.siteId' });
    expect(outsider?.message).toBe(missing?.message);
    expect((await errorOf(LINES, { structureId: practice.structureId }, other.admin))?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    const [line] = await app.sql<{ id: string }>(`select id from phone_line where structure_id = $1`, [
      practice.structureId,
    ]);
    expect((await errorOf(REMOVE, { lineId: line.id }, other.admin))?.extensions?.code).toBe('NOT_FOUND');
  });
});
