import { InternalHttpClient, InternalRejectedError } from '@msp/messaging';
import { DirectoryTestApp, INTERNAL_SECRET } from './fixtures/directory-test-app';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

describe('directory internal API', () => {
  let directory: DirectoryTestApp;
  let msp: SeededStructure;
  let other: SeededStructure;
  let client: InternalHttpClient;

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory_internal');
    msp = await seedStructure(directory, 'MSP Internal');
    other = await seedStructure(directory, 'MSP Voisine');
    client = new InternalHttpClient({
      caller: 'call-routing',
      target: 'directory',
      baseUrl: directory.url,
      secret: INTERNAL_SECRET,
      timeoutMs: 3_000,
    });
  });

  afterAll(() => directory?.stop());

  it("gives the gateway a member's current structures, roles and sites", async () => {
    await expect(client.get(`/internal/members/${msp.memberIds.secretary}/context`)).resolves.toEqual({
      memberId: msp.memberIds.secretary,
      memberships: [{ structureId: msp.structureId, roles: ['secretary'], siteIds: [msp.siteId] }],
    });
    await expect(client.get('/internal/members/00000000-0000-4000-8000-000000000000/context')).rejects.toMatchObject({
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
    const team = await client.get<{ sites: Array<Record<string, unknown>>; members: Array<Record<string, unknown>> }>(
      '/internal/team',
    );
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
        },
      ]),
    );
    expect(JSON.stringify(team)).not.toMatch(/@msp\.test|Dupré|Test/);
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
      secret: 'x'.repeat(40),
    });
    await expect(forged.get(`/internal/members/${msp.memberIds.secretary}/context`)).rejects.toBeInstanceOf(
      InternalRejectedError,
    );
    expect((await fetch(`${directory.url}/internal/members/${msp.memberIds.secretary}/context`)).status).toBe(401);
  });
});
