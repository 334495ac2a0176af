import { DirectoryErrorCode } from '../../domain/directory-error';
import { UpdateMemberHandler, type UpdateMemberInput } from '../../application/members/update-member.handler';
import { InMemoryDirectory, userIn } from '../../../test/fixtures/in-memory-directory';
import { expectInvalid, expectNotFound } from '../../../test/fixtures/refusals';

describe('updating a member', () => {
  let db: InMemoryDirectory;
  let handler: UpdateMemberHandler;
  let structureId: string;
  let gpId: string;
  let assistantId: string;
  const admin = () => userIn(structureId, ['administrator']);
  const update = (input: Omit<UpdateMemberInput, 'structureId'>) => handler.execute(admin(), { structureId, ...input });

  beforeEach(() => {
    db = new InMemoryDirectory(new Date('2026-03-10T09:30:00Z'));
    handler = new UpdateMemberHandler(db.transactions, db.outbox, db.clock, db.members, db.memberships, db.sites);
    structureId = db.structure().id;
    gpId = db.member(structureId, 'general_practitioner', ['practitioner']).id;
    assistantId = db.member(structureId, 'medical_assistant', ['medical_assistant'], { referentId: gpId }).id;
  });

  it('changes roles, sites and profession and announces the new state at the clock’s time', async () => {
    const siteId = db.site(structureId).id;
    const nurseId = db.member(structureId, 'nurse', ['practitioner']).id;
    const updated = await update({
      memberId: nurseId,
      profession: 'advanced_practice_nurse',
      roles: ['practitioner', 'coordinator'],
      siteIds: [siteId],
    });
    expect(updated.profession).toBe('advanced_practice_nurse');
    expect(await db.memberships.find(nurseId, structureId)).toMatchObject({
      roles: ['practitioner', 'coordinator'],
      siteIds: [siteId],
    });
    expect(db.events('directory.member.updated.v1')).toEqual([
      {
        memberId: nurseId,
        structureId,
        profession: 'advanced_practice_nurse',
        roles: ['practitioner', 'coordinator'],
        siteIds: [siteId],
        referentId: null,
        backupReferentId: null,
        rpps: null,
        updatedAt: '2026-03-10T09:30:00.000Z',
      },
    ]);
  });

  it.each([
    ['profession', { profession: 'nurse' }],
    ['rpps', { rpps: '10003381760' }],
  ])(
    'refuses to change the %s of a member who also works in another structure, changing nothing',
    async (field, change) => {
      const cpts = db.structure('CPTS du Pays', 'CPTS').id;
      const shared = db.member(structureId, 'general_practitioner', ['practitioner']);
      db.member(cpts, 'general_practitioner', ['practitioner'], { id: shared.id });
      await expect(update({ memberId: shared.id, ...change })).rejects.toMatchObject({
        kind: 'forbidden',
        code: DirectoryErrorCode.SharedIdentity,
        field: `input.${field}`,
      });
      expect(db.state.members.find((m) => m.id === shared.id)).toMatchObject({
        profession: 'general_practitioner',
        rpps: null,
      });
      expect(db.state.events).toEqual([]);
    },
  );

  it('still lets one structure change the roles and sites of a shared member, and resend the same profession', async () => {
    const cpts = db.structure('CPTS du Pays', 'CPTS').id;
    const shared = db.member(structureId, 'general_practitioner', ['practitioner']);
    db.member(cpts, 'general_practitioner', ['practitioner'], { id: shared.id });
    await update({ memberId: shared.id, profession: 'general_practitioner', roles: ['practitioner', 'coordinator'] });
    expect((await db.memberships.find(shared.id, structureId))?.roles).toEqual(['practitioner', 'coordinator']);
    expect((await db.memberships.find(shared.id, cpts))?.roles).toEqual(['practitioner']);
  });

  it('lets the only structure of a member who left another one change their profession', async () => {
    const cpts = db.structure('CPTS du Pays', 'CPTS').id;
    const former = db.member(structureId, 'nurse', ['practitioner']);
    db.member(cpts, 'nurse', ['practitioner'], { id: former.id, leftAt: new Date('2025-01-01T00:00:00Z') });
    expect((await update({ memberId: former.id, profession: 'advanced_practice_nurse' })).profession).toBe(
      'advanced_practice_nurse',
    );
  });

  it('refuses to make someone a medical assistant without a referent, changing nothing', async () => {
    const nurseId = db.member(structureId, 'nurse', ['practitioner']).id;
    await expectInvalid(update({ memberId: nurseId, roles: ['medical_assistant'] }), 'input.referentId');
    expect((await db.memberships.find(nurseId, structureId))?.roles).toEqual(['practitioner']);
    expect(db.state.events).toEqual([]);
  });

  it('keeps a delegate’s referent when the input leaves it out, and refuses to clear it', async () => {
    await update({ memberId: assistantId, siteIds: [] });
    expect((await db.memberships.find(assistantId, structureId))?.referentId).toBe(gpId);
    expect(db.events('directory.member.updated.v1')).toEqual([expect.objectContaining({ referentId: gpId })]);
    await expectInvalid(update({ memberId: assistantId, referentId: null }), 'input.referentId');
  });

  it('announces a cleared backup referent as null, so a copy of the whole state drops it', async () => {
    const backupId = db.member(structureId, 'general_practitioner', ['practitioner']).id;
    await update({ memberId: assistantId, backupReferentId: backupId });
    await update({ memberId: assistantId, backupReferentId: null });
    expect((await db.memberships.find(assistantId, structureId))?.backupReferentId).toBeNull();
    expect(db.events('directory.member.updated.v1')).toEqual([
      expect.objectContaining({ memberId: assistantId, referentId: gpId, backupReferentId: backupId }),
      expect.objectContaining({ memberId: assistantId, referentId: gpId, backupReferentId: null }),
    ]);
  });

  it('announces a referent cleared from a member who is no longer a delegate as null', async () => {
    await update({ memberId: assistantId, roles: ['secretary'], referentId: null });
    expect(db.events('directory.member.updated.v1')).toEqual([
      expect.objectContaining({
        memberId: assistantId,
        roles: ['secretary'],
        referentId: null,
        backupReferentId: null,
      }),
    ]);
  });

  it('refuses a member as their own referent', async () => {
    await expectInvalid(update({ memberId: gpId, backupReferentId: gpId }), 'input.backupReferentId', /own referent/);
  });

  it('refuses a new referent who is not a current practitioner of the structure', async () => {
    const coordinatorId = db.member(structureId, 'care_coordinator', ['coordinator']).id;
    await expectInvalid(update({ memberId: assistantId, referentId: coordinatorId }), 'input.referentId');
  });

  it('clears the RPPS number with null and refuses an invalid one', async () => {
    db.replace('members', (m) => m.id === gpId, {
      ...db.state.members.find((m) => m.id === gpId)!,
      rpps: '10003381760',
    });
    await expectInvalid(update({ memberId: gpId, rpps: '12345678901' }), 'input.rpps');
    expect((await db.members.findById(gpId))?.rpps).toBe('10003381760');
    expect((await update({ memberId: gpId, rpps: null })).rpps).toBeNull();
  });

  it('does not find a member who left the structure', async () => {
    const formerId = db.member(structureId, 'nurse', ['practitioner'], { leftAt: new Date(0) }).id;
    await expectNotFound(update({ memberId: formerId, roles: ['practitioner'] }));
  });
});
