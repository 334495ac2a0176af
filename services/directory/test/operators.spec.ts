import type { UserContext } from '@msp/auth';
import { type TestService, uniqueSuffix } from '@msp/testing';
import { DataSource } from 'typeorm';
import { MemberContextQuery } from '../src/application/identity/member-context.query';
import { runOperatorCommand } from '../src/interface/cli/operator-command';
import { DirectoryTestApp, type GraphQLResult } from './fixtures/directory-test-app';
import { newRpps } from './fixtures/rpps';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

const ADD_CPTS_MEMBER = `mutation($input: AddCptsMemberStructureInput!) {
  addCptsMemberStructure(input: $input) { id kind name timeZone cpts { id } }
}`;

function refusal(result: GraphQLResult) {
  expect(result.errors).toHaveLength(1);
  return result.errors![0].extensions ?? {};
}

describe('operators: onboarding structures without the demo loader', () => {
  let directory: DirectoryTestApp;
  let databaseUrl: string;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await directory.sql<{ count: string }>(sql, params))[0].count);

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('operators');
    databaseUrl = (directory.get(DataSource).options as { url: string }).url;
  });

  afterAll(() => directory?.stop());

  /** The command as `npm run operator --` runs it, on the service's database; what it printed and its exit code. */
  async function operator(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runOperatorCommand(
      args,
      { DATABASE_URL: databaseUrl },
      {
        out: (line) => out.push(line),
        err: (line) => err.push(line),
      },
    );
    return {
      code,
      out: out.length ? (JSON.parse(out.join('')) as Record<string, string | boolean>) : null,
      err: err.join('\n'),
    };
  }

  /** What the gateway would put in the admin's user context, from the directory's own internal answer. */
  async function contextOf(memberId: string): Promise<UserContext> {
    const context = await directory.get(MemberContextQuery).byMemberId(memberId);
    if (!context) throw new Error(`no context for ${memberId}`);
    return context;
  }

  const createArgs = (name: string, email: string, extra: string[] = []) => [
    'create-structure',
    '--name',
    name,
    '--kind',
    'MSP',
    '--zone',
    'America/Cayenne',
    '--admin-email',
    email,
    '--admin-first-name',
    'Maëlle',
    '--admin-last-name',
    'Régis',
    ...extra,
  ];

  it('creates a structure and its first administrator, who can then sign in and run it through GraphQL', async () => {
    const email = `admin-${uniqueSuffix()}@msp-cayenne.test`;
    const rpps = newRpps();
    const { code, out, err } = await operator(
      createArgs(`MSP de Cayenne ${uniqueSuffix()}`, email, [
        '--admin-profession',
        'general_practitioner',
        '--admin-rpps',
        rpps,
      ]),
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatchObject({ created: true, kind: 'MSP', timeZone: 'America/Cayenne', administratorEmail: email });
    const structureId = out!.structureId as string;
    const administratorId = out!.administratorId as string;
    expect(await directory.events('directory.member.joined.v1')).toContainEqual(
      expect.objectContaining({ memberId: administratorId, structureId, roles: ['administrator'], rpps }),
    );

    const admin = await contextOf(administratorId);
    expect(admin.memberships).toEqual([{ structureId, roles: ['administrator'], siteIds: [] }]);
    const { me } = await directory.ok<{ me: { memberships: Array<{ roles: string[]; structure: { id: string } }> } }>(
      `{ me { memberships { roles structure { id } } } }`,
      {},
      admin,
    );
    expect(me.memberships).toEqual([{ roles: ['administrator'], structure: { id: structureId } }]);
    // Acting: opens a site, which takes the structure's zone, and adds a colleague.
    const { openSite } = await directory.ok<{ openSite: { timeZone: string } }>(
      `mutation($input: OpenSiteInput!) { openSite(input: $input) { timeZone } }`,
      {
        input: {
          structureId,
          name: 'Centre',
          addressLine: '1 avenue du Général de Gaulle',
          postalCode: '97300',
          city: 'Cayenne',
          phoneLines: ['05 94 00 00 00'],
          openingHours: [{ weekday: 1, opens: '08:00', closes: '18:00' }],
        },
      },
      admin,
    );
    expect(openSite.timeZone).toBe('America/Cayenne');
    await directory.ok(
      `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`,
      {
        input: {
          structureId,
          firstName: 'Line',
          lastName: 'Joseph',
          email: `line-${uniqueSuffix()}@msp-cayenne.test`,
          profession: 'medical_secretary',
          roles: ['secretary'],
          siteIds: [],
        },
      },
      admin,
    );
  });

  it('run again with the same arguments, answers the structure it created and writes nothing', async () => {
    const args = createArgs(`MSP du Maroni ${uniqueSuffix()}`, `admin-${uniqueSuffix()}@msp-maroni.test`);
    const first = await operator(args);
    const [structures, events] = [
      await count(`select count(*) from structure`),
      await count(`select count(*) from outbox_message`),
    ];
    const again = await operator(args);
    expect(again.code).toBe(0);
    expect(again.out).toEqual({ ...first.out, created: false });
    expect(await count(`select count(*) from structure`)).toBe(structures);
    expect(await count(`select count(*) from outbox_message`)).toBe(events);
  });

  it('refuses a name already taken with another administrator, and a FINESS already taken, writing nothing', async () => {
    const name = `MSP de Kourou ${uniqueSuffix()}`;
    expect((await operator(createArgs(name, `a-${uniqueSuffix()}@kourou.test`, ['--finess', '973000001']))).code).toBe(
      0,
    );
    const before = await count(`select count(*) from structure`);
    const sameName = await operator(createArgs(name.toUpperCase(), `b-${uniqueSuffix()}@kourou.test`));
    expect(sameName.code).toBe(1);
    expect(sameName.err).toMatch(/DIRECTORY\.STRUCTURE_EXISTS, --name/);
    const sameFiness = await operator(
      createArgs(`Autre ${uniqueSuffix()}`, `c-${uniqueSuffix()}@kourou.test`, ['--finess', '973000001']),
    );
    expect(sameFiness.code).toBe(1);
    expect(sameFiness.err).toMatch(/DIRECTORY\.STRUCTURE_EXISTS, --finess/);
    expect(await count(`select count(*) from structure`)).toBe(before);
  });

  it('names what is wrong in the arguments: usage errors exit 2, refused values 1 with the option', async () => {
    expect((await operator(['create-structure', '--name', 'X'])).code).toBe(2);
    expect((await operator(['delete-everything'])).err).toMatch(/Unknown command/);
    const zone = await operator(
      createArgs(`Zone ${uniqueSuffix()}`, `z-${uniqueSuffix()}@z.test`).map((a) =>
        a === 'America/Cayenne' ? 'Mars/Olympus' : a,
      ),
    );
    expect(zone.code).toBe(1);
    expect(zone.err).toMatch(/DIRECTORY\.INVALID_INPUT, --zone/);
  });

  describe('a CPTS adds a member MSP', () => {
    let cptsId: string;
    let coordinator: UserContext;
    let cptsAdmin: UserContext;
    let msp: SeededStructure;

    beforeAll(async () => {
      const created = await operator([
        'create-structure',
        '--name',
        `CPTS de l’Oyapock ${uniqueSuffix()}`,
        '--kind',
        'CPTS',
        '--admin-email',
        `cpts-${uniqueSuffix()}@oyapock.test`,
        '--admin-first-name',
        'Rose',
        '--admin-last-name',
        'Hô',
      ]);
      cptsId = created.out!.structureId as string;
      cptsAdmin = await contextOf(created.out!.administratorId as string);
      const { addMember } = await directory.ok<{ addMember: { id: string } }>(
        `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`,
        {
          input: {
            structureId: cptsId,
            firstName: 'Yann',
            lastName: 'Coord',
            email: `coord-${uniqueSuffix()}@oyapock.test`,
            profession: 'care_coordinator',
            roles: ['coordinator'],
            siteIds: [],
          },
        },
        cptsAdmin,
      );
      coordinator = await contextOf(addMember.id);
      msp = await seedStructure(directory, `MSP hors CPTS ${uniqueSuffix()}`);
    });

    const mspInput = (name: string, email = `adm-${uniqueSuffix()}@msp.test`) => ({
      cptsId,
      name,
      administrator: { firstName: 'Noé', lastName: 'Admin', email, profession: 'practice_manager' },
    });

    it('the coordinator creates the MSP attached to the CPTS, with its administrator who can act; again: the same MSP', async () => {
      const input = mspInput(`MSP de Saint-Georges ${uniqueSuffix()}`);
      const { addCptsMemberStructure: created } = await directory.ok<{
        addCptsMemberStructure: { id: string; kind: string; cpts: { id: string } };
      }>(ADD_CPTS_MEMBER, { input }, coordinator);
      expect(created).toMatchObject({ kind: 'MSP', cpts: { id: cptsId } });
      const [{ id: adminId }] = await directory.sql<{ id: string }>(`select id from member where email = $1`, [
        input.administrator.email,
      ]);
      const admin = await contextOf(adminId);
      expect(admin.memberships).toEqual([{ structureId: created.id, roles: ['administrator'], siteIds: [] }]);
      const again = await directory.ok<{ addCptsMemberStructure: { id: string } }>(
        ADD_CPTS_MEMBER,
        { input },
        coordinator,
      );
      expect(again.addCptsMemberStructure.id).toBe(created.id);
      expect(await count(`select count(*) from structure where cpts_id = $1`, [cptsId])).toBe(1);
      const { structure } = await directory.ok<{ structure: { memberStructures: Array<{ id: string }> } }>(
        `query($id: ID!) { structure(id: $id) { memberStructures { id } } }`,
        { id: cptsId },
        coordinator,
      );
      expect(structure.memberStructures).toEqual([{ id: created.id }]);
    });

    it('tells scheduling which MSPs are the CPTS’s (internal route), and nobody else', async () => {
      const { addCptsMemberStructure: member } = await directory.ok<{ addCptsMemberStructure: { id: string } }>(
        ADD_CPTS_MEMBER,
        { input: mspInput(`MSP de Régina ${uniqueSuffix()}`) },
        coordinator,
      );
      const as = (caller: TestService) => directory.internalAs(caller);
      await expect(as('scheduling').get(`/internal/cpts/${cptsId}/structures/${member.id}`)).resolves.toEqual({
        cptsId,
        structureId: member.id,
      });
      for (const structureId of [msp.structureId, cptsId])
        await expect(as('scheduling').get(`/internal/cpts/${cptsId}/structures/${structureId}`)).rejects.toMatchObject({
          status: 404,
        });
      await expect(as('call-routing').get(`/internal/cpts/${cptsId}/structures/${member.id}`)).rejects.toMatchObject({
        status: 403,
      });
    });

    it('is refused to a CPTS member without the role, to another structure, and for a structure that is not a CPTS', async () => {
      const before = await count(`select count(*) from structure`);
      const secretary: UserContext = {
        ...coordinator,
        memberships: [{ structureId: cptsId, roles: ['secretary'], siteIds: [] }],
      };
      expect(
        refusal(await directory.gql(ADD_CPTS_MEMBER, { input: mspInput(`A ${uniqueSuffix()}`) }, secretary)),
      ).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(
        refusal(await directory.gql(ADD_CPTS_MEMBER, { input: mspInput(`B ${uniqueSuffix()}`) }, msp.as.coordinator)),
      ).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.cptsId',
      });
      expect(
        refusal(
          await directory.gql(
            ADD_CPTS_MEMBER,
            { input: { ...mspInput(`C ${uniqueSuffix()}`), cptsId: msp.structureId } },
            msp.as.coordinator,
          ),
        ),
      ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DIRECTORY.NOT_A_CPTS', field: 'input.cptsId' });
      expect(await count(`select count(*) from structure`)).toBe(before);
    });
  });
});
