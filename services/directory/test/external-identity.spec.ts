import type { UserContext } from '@msp/auth';
import { type TestService } from '@msp/testing';
import { DataSource } from 'typeorm';
import { DirectoryTestApp } from './fixtures/directory-test-app';
import { newRpps } from './fixtures/rpps';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

/**
 * ADR 0019: which member an external issuer's subject signs in as — an existing link first (explicit or made at an
 * earlier sign-in), then the RPPS claim, then an e-mail the issuer verified — on the real PostgreSQL, through the
 * gateway's internal route and the administrators' GraphQL operations.
 */
const KEYCLOAK = 'https://keycloak.msp.test/realms/msp';
const PSC = 'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet';

describe('external identities', () => {
  let directory: DirectoryTestApp;
  let msp: SeededStructure;
  let other: SeededStructure;
  let counter = 0;

  const client = (caller: TestService) => directory.internalAs(caller, 5_000);
  const resolve = (issuer: string, subject: string, claims: Record<string, unknown> = {}) =>
    client('gateway').post<{ memberId: string; rule: string; linkedNow: boolean }>('/internal/identities/resolve', {
      issuer,
      subject,
      claims,
    });
  const subject = () => `sub-${Date.now().toString(36)}-${counter++}`;

  /** A practitioner of `target` with a fresh RPPS and e-mail. */
  const practitioner = async (target: SeededStructure) => {
    const rpps = newRpps();
    const email = `dr-${rpps}@msp.test`;
    const { addMember } = await directory.ok<{ addMember: { id: string } }>(
      `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`,
      {
        input: {
          structureId: target.structureId,
          firstName: 'Jeanne',
          lastName: `Kerhervé${rpps}`,
          email,
          profession: 'general_practitioner',
          rpps,
          roles: ['practitioner'],
          siteIds: [target.siteId],
        },
      },
      target.admin,
    );
    return { id: addMember.id, rpps, email };
  };

  const link = (user: UserContext, input: Record<string, unknown>) =>
    directory.gql(
      `mutation($input: LinkIdentityInput!) { linkIdentity(input: $input) { issuer subject memberId rule createdBy } }`,
      { input },
      user,
    );
  const unlink = (user: UserContext, input: Record<string, unknown>) =>
    directory.gql(`mutation($input: UnlinkIdentityInput!) { unlinkIdentity(input: $input) }`, { input }, user);
  const linksOf = (user: UserContext, memberId: string) =>
    directory.gql<{
      identityLinks: {
        links: Array<{ issuer: string; subject: string; rule: string }>;
        trail: Array<{ action: string; rule: string; subject: string; actorId: string | null }>;
      };
    }>(
      `query($id: ID!) { identityLinks(memberId: $id) { links { issuer subject rule } trail { action rule subject actorId } } }`,
      { id: memberId },
      user,
    );

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory_external_identity');
    msp = await seedStructure(directory, 'MSP Identités');
    other = await seedStructure(directory, 'MSP Voisine');
  });

  afterAll(async () => {
    await directory?.stop();
  });

  it("links a first sign-in to the member whose RPPS the issuer's claim carries, bare or as a PSC national id", async () => {
    const gp = await practitioner(msp);
    const sub = subject();
    await expect(resolve(KEYCLOAK, sub, { rpps: gp.rpps })).resolves.toEqual({
      memberId: gp.id,
      rule: 'rpps',
      linkedNow: true,
    });
    await expect(resolve(KEYCLOAK, sub, {})).resolves.toEqual({ memberId: gp.id, rule: 'rpps', linkedNow: false });
    await expect(resolve(PSC, subject(), { rpps: `8${gp.rpps}` })).resolves.toMatchObject({
      memberId: gp.id,
      rule: 'rpps',
    });
  });

  it('matches an e-mail only when the issuer marked it verified', async () => {
    const gp = await practitioner(msp);
    await expect(resolve(KEYCLOAK, subject(), { email: gp.email, emailVerified: false })).rejects.toMatchObject({
      status: 404,
      code: 'DIRECTORY.IDENTITY_NOT_LINKED',
    });
    await expect(resolve(KEYCLOAK, subject(), { email: gp.email })).rejects.toMatchObject({ status: 404 });
    await expect(
      resolve(KEYCLOAK, subject(), { email: gp.email.toUpperCase(), emailVerified: true }),
    ).resolves.toMatchObject({ memberId: gp.id, rule: 'verified_email', linkedNow: true });
  });

  it('prefers the RPPS to a verified e-mail that names someone else, and matches no invalid RPPS', async () => {
    const [byRpps, byEmail] = [await practitioner(msp), await practitioner(msp)];
    await expect(
      resolve(KEYCLOAK, subject(), { rpps: byRpps.rpps, email: byEmail.email, emailVerified: true }),
    ).resolves.toMatchObject({ memberId: byRpps.id, rule: 'rpps' });
    const wrongCheckDigit = `${byRpps.rpps.slice(0, 10)}${(Number(byRpps.rpps[10]) + 1) % 10}`;
    await expect(resolve(KEYCLOAK, subject(), { rpps: wrongCheckDigit })).rejects.toMatchObject({ status: 404 });
  });

  it('keeps the link made at the first sign-in even when the claims change later, and audits it', async () => {
    const gp = await practitioner(msp);
    const sub = subject();
    await resolve(KEYCLOAK, sub, { email: gp.email, emailVerified: true });
    await expect(resolve(KEYCLOAK, sub, { email: 'changed@elsewhere.test', emailVerified: true })).resolves.toEqual({
      memberId: gp.id,
      rule: 'verified_email',
      linkedNow: false,
    });
    const { data } = await linksOf(msp.admin, gp.id);
    expect(data?.identityLinks.links).toEqual([{ issuer: KEYCLOAK, subject: sub, rule: 'verified_email' }]);
    expect(data?.identityLinks.trail).toEqual([
      { action: 'linked', rule: 'verified_email', subject: sub, actorId: null },
    ]);
  });

  it('gives an explicit link precedence over the claims, and removing it lets the claims decide again', async () => {
    const [linked, claimed] = [await practitioner(msp), await practitioner(msp)];
    const sub = subject();
    const made = await link(msp.admin, { memberId: linked.id, issuer: KEYCLOAK, subject: sub });
    expect(made.data?.linkIdentity).toEqual({
      issuer: KEYCLOAK,
      subject: sub,
      memberId: linked.id,
      rule: 'administrator',
      createdBy: msp.admin.memberId,
    });
    await expect(resolve(KEYCLOAK, sub, { rpps: claimed.rpps })).resolves.toMatchObject({
      memberId: linked.id,
      rule: 'administrator',
    });

    expect((await unlink(msp.admin, { issuer: KEYCLOAK, subject: sub })).data).toEqual({ unlinkIdentity: true });
    await expect(resolve(KEYCLOAK, sub, { rpps: claimed.rpps })).resolves.toMatchObject({
      memberId: claimed.id,
      rule: 'rpps',
      linkedNow: true,
    });
    const { data } = await linksOf(msp.admin, linked.id);
    expect(data?.identityLinks.links).toEqual([]);
    expect(data?.identityLinks.trail.map((t) => [t.action, t.rule, t.actorId])).toEqual([
      ['unlinked', 'administrator', msp.admin.memberId],
      ['linked', 'administrator', msp.admin.memberId],
    ]);
  });

  it('keeps the subjects of several issuers apart: the same subject string names different people', async () => {
    const [atKeycloak, atPsc] = [await practitioner(msp), await practitioner(msp)];
    const sub = subject();
    await link(msp.admin, { memberId: atKeycloak.id, issuer: KEYCLOAK, subject: sub });
    await expect(resolve(PSC, sub, { rpps: `8${atPsc.rpps}` })).resolves.toMatchObject({ memberId: atPsc.id });
    await expect(resolve(KEYCLOAK, sub, {})).resolves.toMatchObject({ memberId: atKeycloak.id });
  });

  it('refuses an explicit link of a subject that already signs in as someone else, and is idempotent otherwise', async () => {
    const [first, second] = [await practitioner(msp), await practitioner(msp)];
    const sub = subject();
    await link(msp.admin, { memberId: first.id, issuer: KEYCLOAK, subject: sub });
    const again = await link(msp.admin, { memberId: first.id, issuer: KEYCLOAK, subject: sub });
    expect(again.errors).toBeUndefined();
    const clash = await link(msp.admin, { memberId: second.id, issuer: KEYCLOAK, subject: sub });
    expect(clash.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'DIRECTORY.IDENTITY_ALREADY_LINKED',
    });
    const rows = await directory
      .get(DataSource)
      .query(`select count(*)::int as n from identity_link_audit where subject = $1`, [sub]);
    expect(rows[0].n).toBe(1);
  });

  it("lets only the administrators of the member's structure manage links; others' members are NOT_FOUND", async () => {
    const gp = await practitioner(msp);
    const input = { memberId: gp.id, issuer: KEYCLOAK, subject: subject() };
    expect((await link(msp.as.practitioner, input)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await link(other.admin, input)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await linksOf(other.admin, gp.id)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await link(msp.admin, { ...input, issuer: 'keycloak' })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.issuer',
    });
    const rows = await directory
      .get(DataSource)
      .query(`select count(*)::int as n from identity_link where member_id = $1`, [gp.id]);
    expect(rows[0].n).toBe(0);
  });

  it('answers the gateway only', async () => {
    await expect(
      client('scheduling').post('/internal/identities/resolve', { issuer: KEYCLOAK, subject: 'x', claims: {} }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
