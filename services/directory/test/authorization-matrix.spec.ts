import { ROLES, type Role, type UserContext } from '@msp/auth';
import { uniqueSuffix } from '@msp/testing';
import { DirectoryTestApp } from './fixtures/directory-test-app';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

/**
 * Every query and mutation of the directory × every role × own structure / another structure.
 * Expectations are written out by hand (not derived from the code's permission table) so that a change to either shows.
 * Inside their own structure a role without the permission is FORBIDDEN; another structure's objects are NOT_FOUND for
 * every role, exactly as ids that exist nowhere, so a caller cannot learn that an id exists elsewhere.
 */
type Operation = {
  name: string;
  allowed: readonly Role[];
  /** Builds the call against `target`; may create what it needs (as `target`'s administrator). */
  call: (target: SeededStructure) => Promise<{ query: string; variables: Record<string, unknown> }>;
};

const ALL = ROLES;
const CARE_READERS: Role[] = ['practitioner', 'secretary', 'medical_assistant', 'coordinator'];
const RECEPTION: Role[] = ['practitioner', 'secretary', 'medical_assistant'];
const ADMIN: Role[] = ['administrator'];
const ALD_RECORDERS: Role[] = ['practitioner', 'secretary'];

describe('directory authorization matrix', () => {
  let directory: DirectoryTestApp;
  let own: SeededStructure;
  let other: SeededStructure;

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory_matrix');
    own = await seedStructure(directory, 'MSP A');
    other = await seedStructure(directory, 'MSP B');
  });

  afterAll(() => directory?.stop());

  const newMember = (target: SeededStructure) => ({
    structureId: target.structureId,
    firstName: 'Matrix',
    lastName: 'Case',
    email: `matrix-${uniqueSuffix()}@msp.test`,
    profession: 'nurse',
    roles: ['practitioner'],
    siteIds: [target.siteId],
  });

  const operations: Operation[] = [
    {
      name: 'structure',
      allowed: ALL,
      call: async (t) => ({
        query: `query($id: ID!) { structure(id: $id) { id name } }`,
        variables: { id: t.structureId },
      }),
    },
    {
      name: 'site',
      allowed: ALL,
      call: async (t) => ({ query: `query($id: ID!) { site(id: $id) { id timeZone } }`, variables: { id: t.siteId } }),
    },
    {
      name: 'members',
      allowed: ALL,
      call: async (t) => ({
        query: `query($s: ID!) { members(structureId: $s) { id } }`,
        variables: { s: t.structureId },
      }),
    },
    {
      name: 'member',
      allowed: ALL,
      call: async (t) => ({ query: `query($id: ID!) { member(id: $id) { id email } }`, variables: { id: t.gpId } }),
    },
    {
      name: 'patient',
      allowed: CARE_READERS,
      call: async (t) => ({
        query: `query($id: ID!) { patient(id: $id) { id lastName } }`,
        variables: { id: t.patientId },
      }),
    },
    {
      name: 'searchPatients',
      allowed: CARE_READERS,
      call: async (t) => ({
        query: `query($s: ID!) { searchPatients(structureId: $s, name: "dupre") { id } }`,
        variables: { s: t.structureId },
      }),
    },
    {
      name: 'patientAccessLog',
      allowed: ADMIN,
      call: async (t) => ({
        query: `query($s: ID!) { patientAccessLog(structureId: $s) { id } }`,
        variables: { s: t.structureId },
      }),
    },
    {
      name: 'addMember',
      allowed: ADMIN,
      call: async (t) => ({
        query: `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`,
        variables: { input: newMember(t) },
      }),
    },
    {
      name: 'updateMember',
      allowed: ADMIN,
      call: async (t) => ({
        query: `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id } }`,
        variables: { input: { memberId: t.memberIds.coordinator, structureId: t.structureId, roles: ['coordinator'] } },
      }),
    },
    {
      name: 'removeMember',
      allowed: ADMIN,
      call: async (t) => {
        const created = await directory.ok<{ addMember: { id: string } }>(
          `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`,
          { input: newMember(t) },
          t.admin,
        );
        return {
          query: `mutation($input: RemoveMemberInput!) { removeMember(input: $input) }`,
          variables: { input: { memberId: created.addMember.id, structureId: t.structureId } },
        };
      },
    },
    {
      name: 'openSite',
      allowed: ADMIN,
      call: async (t) => ({
        query: `mutation($input: OpenSiteInput!) { openSite(input: $input) { id } }`,
        variables: {
          input: {
            structureId: t.structureId,
            name: 'Annexe',
            addressLine: '1 place',
            postalCode: '35000',
            city: 'Rennes',
            phoneLines: [],
            openingHours: [],
          },
        },
      }),
    },
    {
      name: 'changeSiteHours',
      allowed: ADMIN,
      call: async (t) => ({
        query: `mutation($input: ChangeSiteHoursInput!) { changeSiteHours(input: $input) { id } }`,
        variables: { input: { siteId: t.siteId, openingHours: [{ weekday: 2, opens: '08:00', closes: '18:00' }] } },
      }),
    },
    {
      name: 'registerPatient',
      allowed: RECEPTION,
      call: async (t) => ({
        query: `mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }`,
        variables: {
          input: { structureId: t.structureId, firstName: 'Matrix', lastName: 'Patient', birthDate: '1960-06-06' },
        },
      }),
    },
    {
      name: 'updatePatient',
      allowed: RECEPTION,
      call: async (t) => ({
        query: `mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { id } }`,
        variables: { input: { patientId: t.patientId, consentToReminders: true } },
      }),
    },
    {
      name: 'identityLinks',
      allowed: ADMIN,
      call: async (t) => ({
        query: `query($id: ID!) { identityLinks(memberId: $id) { links { subject } } }`,
        variables: { id: t.memberIds.coordinator },
      }),
    },
    {
      name: 'linkIdentity',
      allowed: ADMIN,
      call: async (t) => ({
        query: `mutation($input: LinkIdentityInput!) { linkIdentity(input: $input) { rule } }`,
        variables: {
          input: { memberId: t.memberIds.coordinator, issuer: 'https://kc.test/realms/msp', subject: uniqueSuffix() },
        },
      }),
    },
    {
      name: 'unlinkIdentity',
      allowed: ADMIN,
      call: async (t) => {
        const input = { issuer: 'https://kc.test/realms/msp', subject: uniqueSuffix() };
        await directory.ok(
          `mutation($input: LinkIdentityInput!) { linkIdentity(input: $input) { rule } }`,
          { input: { ...input, memberId: t.memberIds.coordinator } },
          t.admin,
        );
        return {
          query: `mutation($input: UnlinkIdentityInput!) { unlinkIdentity(input: $input) }`,
          variables: { input },
        };
      },
    },
    {
      name: 'setPatientAld',
      allowed: ALD_RECORDERS,
      call: async (t) => ({
        query: `mutation($input: SetPatientAldInput!) { setPatientAld(input: $input) { id inAld } }`,
        variables: { input: { patientId: t.patientId, inAld: true } },
      }),
    },
  ];

  const cases = operations.flatMap((operation) =>
    ROLES.flatMap((role) => [
      { operation, role, scope: 'own' as const, expected: operation.allowed.includes(role) ? 'allow' : 'FORBIDDEN' },
      { operation, role, scope: 'other' as const, expected: 'NOT_FOUND' },
    ]),
  );

  it.each(cases.map((c) => [c.operation.name, c.role, c.scope, c.expected, c] as const))(
    '%s as %s of %s structure: %s',
    async (_n, role, scope, expected, c) => {
      const caller: UserContext = own.as[role];
      const { query, variables } = await c.operation.call(scope === 'own' ? own : other);
      const result = await directory.gql(query, variables, caller);
      if (expected === 'allow') {
        expect(result.errors).toBeUndefined();
        expect(result.data).toBeTruthy();
      } else {
        expect(result.errors?.[0]?.extensions?.code).toBe(expected);
        expect(JSON.stringify(result.data ?? null)).not.toMatch(/Dupré|@msp\.test/);
      }
    },
  );

  it.each([
    ['patient', `query($id: ID!) { patient(id: $id) { id } }`, (t: SeededStructure) => t.patientId],
    ['site', `query($id: ID!) { site(id: $id) { id } }`, (t: SeededStructure) => t.siteId],
    ['member', `query($id: ID!) { member(id: $id) { id } }`, (t: SeededStructure) => t.gpId],
    ['structure', `query($id: ID!) { structure(id: $id) { id } }`, (t: SeededStructure) => t.structureId],
  ])('answers %s(id) of another structure exactly as an id that exists nowhere', async (_name, query, idOf) => {
    const elsewhere = await directory.gql(query, { id: idOf(other) }, own.as.administrator);
    const nowhere = await directory.gql(query, { id: '7d2c5a4e-1b3f-4c8d-9e6a-0f1b2c3d4e5f' }, own.as.administrator);
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(elsewhere.errors).toEqual(nowhere.errors);
  });

  it('lists only the structures the caller belongs to', async () => {
    const { structures } = await directory.ok<{ structures: Array<{ id: string }> }>(
      `{ structures { id } }`,
      {},
      own.as.secretary,
    );
    expect(structures.map((s) => s.id)).toEqual([own.structureId]);
  });

  it('refuses every operation without the gateway-signed context, and with a forged one', async () => {
    const anonymous = await directory.gql(`{ structures { id } }`);
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING_TOKEN' });
    const response = await fetch(`${directory.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-msp-user-context': 'eyJhbGciOiJIUzI1NiJ9.e30.forged' },
      body: JSON.stringify({ query: '{ structures { id } }' }),
    });
    const forged = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }>; data?: unknown };
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(forged.data ?? null).toBeNull();
  });

  it('answers federation entity lookups only for what the caller may see', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { id lastName } ... on Member { id email } } }`;
    const representations = [
      { __typename: 'Patient', id: own.patientId },
      { __typename: 'Patient', id: other.patientId },
      { __typename: 'Member', id: other.gpId },
    ];
    const result = await directory.gql<{ _entities: Array<{ id: string } | null> }>(
      query,
      { r: representations },
      own.as.secretary,
    );
    expect(result.data?._entities.map((e) => e?.id ?? null)).toEqual([own.patientId, null, null]);
    const anonymous = await directory.gql(query, { r: representations });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
