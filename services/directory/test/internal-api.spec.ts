import { randomUUID } from 'node:crypto';
import { generateSigningKeyPair } from '@msp/auth';
import { type TestService } from '@msp/testing';
import { InternalHttpClient } from '@msp/messaging';
import { DirectoryTestApp } from './fixtures/directory-test-app';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

describe('directory internal API', () => {
  let directory: DirectoryTestApp;
  let msp: SeededStructure;
  let other: SeededStructure;
  let client: InternalHttpClient;
  const as = (caller: TestService) => directory.internalAs(caller);

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory_internal');
    msp = await seedStructure(directory, 'MSP Internal');
    other = await seedStructure(directory, 'MSP Voisine');
    client = directory.internalAs('call-routing');
  });

  afterAll(() => directory?.stop());

  it("gives the gateway a member's current structures, roles and sites", async () => {
    const gateway = as('gateway');
    await expect(gateway.get(`/internal/members/${msp.memberIds.secretary}/context`)).resolves.toEqual({
      memberId: msp.memberIds.secretary,
      memberships: [{ structureId: msp.structureId, roles: ['secretary'], siteIds: [msp.siteId] }],
    });
    await expect(gateway.get('/internal/members/00000000-0000-4000-8000-000000000000/context')).rejects.toMatchObject({
      status: 404,
      code: 'DIRECTORY.MEMBER_NOT_FOUND',
    });
  });

  it('identifies a known patient calling a site line by number, with ids and call flags only', async () => {
    const answer = await client.get<Record<string, unknown>>(
      `/internal/callers?phone=${encodeURIComponent('06.12.34.56.78')}&siteId=${msp.siteId}`,
    );
    expect(answer).toEqual({
      kind: 'patient',
      patientId: msp.patientId,
      medecinTraitantId: msp.gpId,
      passThrough: false,
      prefersHuman: false,
    });
    expect(JSON.stringify(answer)).not.toMatch(/Dupré|Hélène/);
  });

  it('does not identify a patient of another structure, nor an unknown number', async () => {
    // The same number is on file in both structures' seeds; each site sees only its own patients.
    await expect(client.get(`/internal/callers?phone=0612345678&siteId=${other.siteId}`)).resolves.toEqual({
      kind: 'patient',
      patientId: other.patientId,
      medecinTraitantId: other.gpId,
      passThrough: false,
      prefersHuman: false,
    });
    await expect(client.get(`/internal/callers?phone=0699999999&siteId=${msp.siteId}`)).resolves.toEqual({
      kind: 'unknown',
    });
  });

  it('recognises a colleague calling from another practice line', async () => {
    await expect(client.get(`/internal/callers?phone=0299000000&siteId=${msp.siteId}`)).resolves.toMatchObject({
      kind: 'professional',
    });
  });

  it('gives services rebuilding their copy of the directory every site and current membership, ids only', async () => {
    const team = await as('scheduling').get<{
      sites: Array<Record<string, unknown>>;
      members: Array<Record<string, unknown>>;
    }>('/internal/team');
    expect(team.sites).toEqual(
      expect.arrayContaining([{ siteId: msp.siteId, structureId: msp.structureId, timeZone: 'Europe/Paris' }]),
    );
    expect(team.members).toEqual(
      expect.arrayContaining([
        {
          memberId: msp.memberIds.secretary,
          structureId: msp.structureId,
          profession: 'medical_secretary',
          roles: ['secretary'],
          siteIds: [msp.siteId],
          referentId: null,
          backupReferentId: null,
        },
      ]),
    );
    expect(JSON.stringify(team)).not.toMatch(/@msp\.test|Dupré|Test/);
  });

  it("gives delegation the same team, with each delegate's referent and backup referent", async () => {
    const add = async (role: string, profession: string, extra: Record<string, unknown> = {}) =>
      (
        await directory.ok<{ addMember: { id: string } }>(
          `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`,
          {
            input: {
              structureId: msp.structureId,
              firstName: 'Lou',
              lastName: 'Binôme',
              email: `${role}-${randomUUID()}@msp.test`,
              profession,
              roles: [role],
              siteIds: [msp.siteId],
              ...extra,
            },
          },
          msp.admin,
        )
      ).addMember.id;
    const backupId = await add('practitioner', 'general_practitioner');
    const delegateId = await add('medical_assistant', 'medical_assistant', {
      referentId: msp.gpId,
      backupReferentId: backupId,
    });
    const team = await as('delegation').get<{ members: Array<Record<string, unknown>> }>('/internal/team');
    expect(await as('coordination').get<{ members: unknown[] }>('/internal/team')).toEqual(team);
    const byId = (memberId: string) => team.members.find((m) => m.memberId === memberId);
    expect(byId(delegateId)).toEqual({
      memberId: delegateId,
      structureId: msp.structureId,
      profession: 'medical_assistant',
      roles: ['medical_assistant'],
      siteIds: [msp.siteId],
      referentId: msp.gpId,
      backupReferentId: backupId,
    });
    // The seeded assistant has a referent and no backup.
    expect(byId(msp.memberIds.medical_assistant)).toMatchObject({ referentId: msp.gpId, backupReferentId: null });
    expect(byId(msp.gpId)).toMatchObject({ referentId: null, backupReferentId: null });
  });

  it('names the missing parameter and refuses callers without a valid service token', async () => {
    await expect(client.get(`/internal/callers?siteId=${msp.siteId}`)).rejects.toMatchObject({
      status: 400,
      field: 'phone',
    });
    const forged = new InternalHttpClient({
      caller: 'call-routing',
      target: 'directory',
      baseUrl: directory.url,
      privateKey: generateSigningKeyPair().privateKey, // not the caller's key
    });
    await expect(forged.get(`/internal/callers?phone=0612345678&siteId=${msp.siteId}`)).rejects.toMatchObject({
      status: 401,
    });
    expect((await fetch(`${directory.url}/internal/members/${msp.memberIds.secretary}/context`)).status).toBe(401);
  });

  it("tells call routing a site's name, address and phone lines, and nothing else of online booking's routes", async () => {
    await expect(client.get(`/internal/sites/${msp.siteId}`)).resolves.toMatchObject({
      siteId: msp.siteId,
      structureId: msp.structureId,
      name: 'MSP Internal – centre',
      address: expect.stringContaining('1 rue de la Paix'),
      // Given as « 02 99 00 00 00 » when the site was opened; answered in E.164.
      phoneLines: ['+33299000000'],
    });
    await expect(client.post('/internal/patients/match', {})).rejects.toMatchObject({ status: 403 });
    await expect(as('gateway').get(`/internal/sites/${msp.siteId}`)).rejects.toMatchObject({ status: 403 });
  });

  it('answers 403 to a platform service that is not among the callers a route declares', async () => {
    // call-routing may identify callers, not read member contexts (gateway) nor the team (scheduling, delegation,
    // coordination)
    await expect(client.get(`/internal/members/${msp.memberIds.secretary}/context`)).rejects.toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    await expect(client.get('/internal/team')).rejects.toMatchObject({ status: 403 });
    await expect(as('coordination').get(`/internal/members/${msp.memberIds.secretary}/context`)).rejects.toMatchObject({
      status: 403,
    });
    await expect(as('delegation').get(`/internal/members/${msp.memberIds.secretary}/context`)).rejects.toMatchObject({
      status: 403,
    });
    await expect(as('scheduling').get(`/internal/callers?phone=0612345678&siteId=${msp.siteId}`)).rejects.toMatchObject(
      {
        status: 403,
      },
    );
  });

  it('hides the development lookup by e-mail (404) outside development, whoever asks', async () => {
    const [{ email: known }] = await directory.sql<{ email: string }>('select email from member where id = $1', [
      msp.memberIds.secretary,
    ]);
    const email = encodeURIComponent(known); // a member who exists: only the switch can hide her
    await expect(as('token-cli').get(`/internal/members?email=${email}`)).rejects.toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect((await fetch(`${directory.url}/internal/members?email=${email}`)).status).toBe(404);
  });

  it("hides the demo month's list of patient numbers (404) outside development, even from call routing", async () => {
    await expect(client.get(`/internal/demo-callers?structureId=${msp.structureId}`)).rejects.toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
  });
});
