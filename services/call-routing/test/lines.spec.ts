import { randomUUID } from 'node:crypto';
import type { Role, UserContext } from '@msp/auth';
import { TestEventPublisher } from '@msp/testing';
import { CallRoutingTestApp } from './fixtures/call-routing-test-app';
import { openPractice, phoneNumber, type Practice } from './fixtures/practice';

const LINE_FIELDS = 'id structureId siteId practitionerId number deskNumber label';
const ADD = `mutation($input: AddPhoneLineInput!) { addPhoneLine(input: $input) { ${LINE_FIELDS} } }`;
const REMOVE = `mutation($lineId: ID!) { removePhoneLine(lineId: $lineId) { id } }`;
const LINES = `query($structureId: ID!) { phoneLines(structureId: $structureId) { ${LINE_FIELDS} } }`;

interface Line {
  id: string;
  structureId: string;
  siteId: string;
  practitionerId: string | null;
  number: string;
  deskNumber: string;
  label: string;
}

/** `+33299001234` as a French person writes it: `02 99 00 12 34`. */
const nationalForm = (e164: string): string => `0${e164.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ');

describe("a practice's phone lines (CAL-1)", () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;
  let rennes: Practice;
  let brest: Practice;

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('lines');
    events = await TestEventPublisher.start('call-routing-spec-lines');
    [rennes, brest] = await Promise.all([openPractice(app, events), openPractice(app, events)]);
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  const add = async (practice: Practice, input: Record<string, unknown>, user: UserContext = practice.admin) =>
    (
      await app.ok<{ addPhoneLine: Line }>(
        ADD,
        { input: { siteId: practice.siteId, deskNumber: phoneNumber(), label: 'Accueil', ...input } },
        user,
      )
    ).addPhoneLine;
  const refusal = async (query: string, variables: Record<string, unknown>, user: UserContext) => {
    const result = await app.gql(query, variables, user);
    expect(result.data ?? null).toBeNull();
    return result.errors?.[0];
  };
  const linesOf = async (practice: Practice) =>
    (await app.ok<{ phoneLines: Line[] }>(LINES, { structureId: practice.structureId }, practice.admin)).phoneLines;
  const member = (practice: Practice, roles: Role[]): UserContext => ({
    memberId: randomUUID(),
    memberships: [{ structureId: practice.structureId, roles, siteIds: [practice.siteId] }],
  });
  /** A call to `number` as the telephony platform reports it: the line it reaches, or 404 naming `to`. */
  const ring = (number: string) =>
    app.webhook('started', { providerCallId: `line-${randomUUID()}`, from: phoneNumber(), to: number });

  it('adds a site line and a practitioner line written in French national form, stored and listed in E.164', async () => {
    const siteNumber = phoneNumber();
    const desk = phoneNumber();
    const site = await add(rennes, {
      number: nationalForm(siteNumber),
      deskNumber: nationalForm(desk),
      label: 'Maison de santé, annexe',
    });
    expect(site).toMatchObject({
      structureId: rennes.structureId,
      siteId: rennes.siteId,
      practitionerId: null,
      number: siteNumber,
      deskNumber: desk,
    });

    const [gp] = rennes.practitioners;
    const ownNumber = phoneNumber();
    const own = await add(rennes, {
      number: nationalForm(ownNumber),
      deskNumber: '06.12.34.56.78',
      practitionerId: gp,
      label: 'Dr Martin',
    });
    expect(own).toMatchObject({ practitionerId: gp, number: ownNumber, deskNumber: '+33612345678' });

    // Every member of the structure sees its lines, a practitioner included.
    const { phoneLines } = await app.ok<{ phoneLines: Line[] }>(
      LINES,
      { structureId: rennes.structureId },
      rennes.practitioner(rennes.practitioners[1]),
    );
    expect(phoneLines.map((l) => l.id)).toEqual(expect.arrayContaining([site.id, own.id]));
    expect((await ring(ownNumber)).status).toBe(200);
  });

  it('refuses a number that is already a live line, even of another practice: CONFLICT on input.number', async () => {
    const number = phoneNumber();
    await add(rennes, { number });
    for (const [practice, written] of [
      [rennes, number],
      [brest, nationalForm(number)],
    ] as const) {
      const error = await refusal(
        ADD,
        { input: { siteId: practice.siteId, number: written, deskNumber: phoneNumber(), label: 'Doublon' } },
        practice.admin,
      );
      expect(error?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.number' });
    }
    expect(await app.sql(`select 1 from phone_line where number = $1`, [number])).toHaveLength(1);
  });

  it('frees a removed line: it no longer answers calls, leaves the list, and its number can be given to another practice', async () => {
    const number = phoneNumber();
    const line = await add(rennes, { number });
    await app.ok(REMOVE, { lineId: line.id }, rennes.admin);

    expect((await linesOf(rennes)).map((l) => l.id)).not.toContain(line.id);
    expect(await ring(number)).toMatchObject({ status: 404, body: { field: 'to' } });

    const reused = await add(brest, { number, label: 'Cabinet de Brest' });
    expect(reused).toMatchObject({ structureId: brest.structureId, number });
    expect((await ring(number)).status).toBe(200);
  });

  it('lets only administrators add or remove lines: a secretary, a coordinator or a practitioner is FORBIDDEN', async () => {
    const line = await add(rennes, { number: phoneNumber() });
    for (const user of [
      member(rennes, ['secretary']),
      member(rennes, ['coordinator']),
      rennes.practitioner(rennes.practitioners[1]),
    ]) {
      const number = phoneNumber();
      const adding = await refusal(
        ADD,
        { input: { siteId: rennes.siteId, number, deskNumber: phoneNumber(), label: 'Secrétariat' } },
        user,
      );
      expect(adding?.extensions?.code).toBe('FORBIDDEN');
      expect(await app.sql(`select 1 from phone_line where number = $1`, [number])).toHaveLength(0);
      expect((await refusal(REMOVE, { lineId: line.id }, user))?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await linesOf(rennes)).map((l) => l.id)).toContain(line.id);
  });

  it("answers NOT_FOUND to another structure's administrator, exactly as for a site or line that does not exist", async () => {
    const line = await add(rennes, { number: phoneNumber() });
    const input = (siteId: string) => ({ siteId, number: phoneNumber(), deskNumber: phoneNumber(), label: 'Intrus' });

    const [outsider, missing] = await Promise.all(
      [rennes.siteId, randomUUID()].map((siteId) => refusal(ADD, { input: input(siteId) }, brest.admin)),
    );
    expect(outsider?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.siteId' });
    expect(outsider?.message).toBe(missing?.message);
    expect((await refusal(LINES, { structureId: rennes.structureId }, brest.admin))?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    for (const lineId of [line.id, randomUUID()])
      expect((await refusal(REMOVE, { lineId }, brest.admin))?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'lineId',
      });
    expect((await linesOf(rennes)).map((l) => l.id)).toContain(line.id);
  });

  it("refuses a practitioner's line for someone who is not a member of the structure: NOT_FOUND on input.practitionerId", async () => {
    for (const outsider of [randomUUID(), brest.practitioners[0]]) {
      const error = await refusal(
        ADD,
        {
          input: {
            siteId: rennes.siteId,
            practitionerId: outsider,
            number: phoneNumber(),
            deskNumber: phoneNumber(),
            label: 'Dr Inconnu',
          },
        },
        rennes.admin,
      );
      expect(error?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.practitionerId' });
    }
  });

  it.each([
    ['no phone number', { number: 'secrétariat' }, 'input.number', 'is not a valid phone number'],
    ['too few digits', { number: '02 99 12' }, 'input.number', 'is not a valid phone number'],
    ['a desk number that is not one', { deskNumber: '+33' }, 'input.deskNumber', 'is not a valid phone number'],
    ['an empty label', { label: '   ' }, 'input.label', 'must be 1 to 120 characters'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and stores nothing', async (_case, change, field, reason) => {
    const number = phoneNumber();
    const input = { siteId: rennes.siteId, number, deskNumber: phoneNumber(), label: 'Accueil', ...change };
    const error = await refusal(ADD, { input }, rennes.admin);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error?.message).toContain(reason);
    expect(await app.sql(`select 1 from phone_line where number = $1`, [number])).toHaveLength(0);
  });

  it('refuses a line whose desk number is the line itself: a transfer would ring the line again', async () => {
    const number = phoneNumber();
    const error = await refusal(
      ADD,
      { input: { siteId: rennes.siteId, number, deskNumber: nationalForm(number), label: 'Boucle' } },
      rennes.admin,
    );
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.deskNumber' });
  });
});
