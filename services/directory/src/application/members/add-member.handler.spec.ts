import { AddMemberHandler, type AddMemberInput } from '../../application/members/add-member.handler';
import { DirectoryErrorCode } from '../../domain/directory-error';
import { InMemoryDirectory, userIn } from '../../../test/fixtures/in-memory-directory';
import { expectInvalid } from '../../../test/fixtures/refusals';

/** 11 digits with a valid Luhn check digit. */
const VALID_RPPS = '10003381760';

describe('adding a member', () => {
  let db: InMemoryDirectory;
  let handler: AddMemberHandler;
  let structureId: string;
  let siteId: string;
  let gpId: string;
  const admin = () => userIn(structureId, ['administrator']);
  const input = (overrides: Partial<AddMemberInput> = {}): AddMemberInput => ({
    structureId,
    firstName: ' Manon ',
    lastName: 'Daniel',
    email: 'Manon.Daniel@MSP.test',
    profession: 'medical_assistant',
    roles: ['medical_assistant'],
    siteIds: [siteId],
    referentId: gpId,
    ...overrides,
  });

  beforeEach(() => {
    db = new InMemoryDirectory(new Date('2026-03-10T09:30:00Z'));
    handler = new AddMemberHandler(db.transactions, db.outbox, db.clock, db.members, db.memberships, db.sites);
    structureId = db.structure().id;
    siteId = db.site(structureId).id;
    gpId = db.member(structureId, 'general_practitioner', ['practitioner']).id;
  });

  it('adds a medical assistant with their referent physicians and announces the membership, referents included, at the clock’s time', async () => {
    const backupId = db.member(structureId, 'general_practitioner', ['practitioner']).id;
    const member = await handler.execute(admin(), input({ backupReferentId: backupId }));
    expect(member).toMatchObject({
      firstName: 'Manon',
      email: 'manon.daniel@msp.test',
      profession: 'medical_assistant',
    });
    expect(await db.memberships.find(member.id, structureId)).toMatchObject({
      roles: ['medical_assistant'],
      siteIds: [siteId],
      referentId: gpId,
      backupReferentId: backupId,
      joinedAt: new Date('2026-03-10T09:30:00Z'),
      leftAt: null,
    });
    expect(db.events('directory.member.joined.v1')).toEqual([
      {
        memberId: member.id,
        structureId,
        profession: 'medical_assistant',
        roles: ['medical_assistant'],
        siteIds: [siteId],
        referentId: gpId,
        backupReferentId: backupId,
        rpps: null,
        joinedAt: '2026-03-10T09:30:00.000Z',
      },
    ]);
  });

  it('refuses a medical assistant without a referent physician, writing nothing', async () => {
    await expectInvalid(handler.execute(admin(), input({ referentId: null })), 'input.referentId', /referent/);
    expect(db.state.members).toHaveLength(1);
    expect(db.state.events).toEqual([]);
  });

  it.each([
    ['a secretary', () => db.member(structureId, 'medical_secretary', ['secretary']).id],
    [
      'a practitioner who left',
      () => db.member(structureId, 'general_practitioner', ['practitioner'], { leftAt: new Date(0) }).id,
    ],
    [
      'a practitioner of another structure',
      () => db.member(db.structure('Autre MSP').id, 'general_practitioner', ['practitioner']).id,
    ],
  ])('refuses %s as referent', async (_, referent) => {
    await expectInvalid(
      handler.execute(admin(), input({ referentId: referent() })),
      'input.referentId',
      /practitioner/,
    );
    expect(db.state.events).toEqual([]);
  });

  it('refuses a backup referent who is the referent', async () => {
    await expectInvalid(handler.execute(admin(), input({ backupReferentId: gpId })), 'input.backupReferentId');
  });

  it('lets a role that is not delegated join without a referent, announced with null referents', async () => {
    const nurse = await handler.execute(
      admin(),
      input({ profession: 'nurse', roles: ['practitioner'], referentId: null }),
    );
    expect((await db.memberships.find(nurse.id, structureId))?.referentId).toBeNull();
    expect(db.events('directory.member.joined.v1')).toEqual([
      expect.objectContaining({ memberId: nurse.id, referentId: null, backupReferentId: null }),
    ]);
  });

  it('checks the RPPS number (11 digits, Luhn) and keeps it without spaces', async () => {
    await expectInvalid(
      handler.execute(
        admin(),
        input({ profession: 'general_practitioner', roles: ['practitioner'], rpps: '10003381761' }),
      ),
      'input.rpps',
    );
    const gp = await handler.execute(
      admin(),
      input({ profession: 'general_practitioner', roles: ['practitioner'], referentId: null, rpps: '100 0338 1760' }),
    );
    expect(gp.rpps).toBe(VALID_RPPS);
  });

  it('refuses unknown roles and an empty role list, and counts a repeated role once', async () => {
    await expectInvalid(
      handler.execute(admin(), input({ roles: ['medical_assistant', 'chief'] })),
      'input.roles',
      /chief/,
    );
    await expectInvalid(handler.execute(admin(), input({ roles: [] })), 'input.roles');
    const member = await handler.execute(admin(), input({ roles: ['medical_assistant', 'medical_assistant'] }));
    expect((await db.memberships.find(member.id, structureId))?.roles).toEqual(['medical_assistant']);
  });

  it('refuses an unknown profession and a site of another structure', async () => {
    await expectInvalid(handler.execute(admin(), input({ profession: 'astronaut' })), 'input.profession');
    const elsewhere = db.site(db.structure('Autre MSP').id).id;
    await expectInvalid(handler.execute(admin(), input({ siteIds: [siteId, elsewhere] })), 'input.siteIds');
  });

  it('gives a person already known by e-mail (any case) and the same identity a membership, not a second identity', async () => {
    const cpts = db.structure('CPTS du Pays', 'CPTS').id;
    const known = db.member(cpts, 'general_practitioner', ['practitioner'], {
      email: 'dr.known@msp.test',
      firstName: 'Manon',
      lastName: 'Daniel',
    });
    const added = await handler.execute(
      admin(),
      input({
        lastName: ' DANIEL',
        email: 'DR.Known@msp.test',
        profession: 'general_practitioner',
        roles: ['practitioner'],
        referentId: null,
      }),
    );
    expect(added.id).toBe(known.id);
    expect(db.state.members.filter((m) => m.email === 'dr.known@msp.test')).toHaveLength(1);
  });

  it('refuses an e-mail known with another identity without disclosing the record on file, writing nothing', async () => {
    const cpts = db.structure('CPTS du Pays', 'CPTS').id;
    db.member(cpts, 'general_practitioner', ['practitioner'], {
      email: 'dr.known@msp.test',
      firstName: 'Hélène',
      lastName: 'Secret',
      rpps: VALID_RPPS,
    });
    const guess = input({ email: 'dr.known@msp.test', profession: 'nurse', roles: ['practitioner'], referentId: null });
    const error = await handler.execute(admin(), guess).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'conflict', code: DirectoryErrorCode.IdentityMismatch, field: 'input.email' });
    expect(JSON.stringify(error) + (error as Error).message).not.toMatch(
      /Hélène|Secret|general_practitioner|10003381760/,
    );
    expect(db.state.memberships.filter((m) => m.structureId === structureId)).toHaveLength(1);
    expect(db.state.events).toEqual([]);
  });

  it('refuses a person who is already a current member of the structure', async () => {
    const gp = db.state.members.find((m) => m.id === gpId)!;
    await expect(
      handler.execute(
        admin(),
        input({ email: gp.email, profession: 'general_practitioner', roles: ['practitioner'], referentId: null }),
      ),
    ).rejects.toMatchObject({ code: DirectoryErrorCode.AlreadyMember, field: 'input.email' });
  });

  it('takes back a member who had left, with the new roles and sites', async () => {
    const former = db.member(structureId, 'nurse', ['practitioner'], { leftAt: new Date('2025-01-01T00:00:00Z') });
    await handler.execute(
      admin(),
      input({ email: former.email, profession: 'nurse', roles: ['practitioner', 'coordinator'], referentId: null }),
    );
    expect(db.state.memberships.filter((m) => m.memberId === former.id)).toEqual([
      expect.objectContaining({ roles: ['practitioner', 'coordinator'], leftAt: null, joinedAt: db.clock.now() }),
    ]);
  });

  it('is refused to a member who is not an administrator of the structure', async () => {
    await expect(handler.execute(userIn(structureId, ['secretary']), input())).rejects.toThrow();
    expect(db.state.events).toEqual([]);
  });
});
