import { RemoveMemberHandler } from '../../application/members/remove-member.handler';
import { InMemoryDirectory, userIn } from '../../../test/fixtures/in-memory-directory';
import { expectInvalid, expectNotFound } from '../../../test/fixtures/refusals';

describe('removing a member', () => {
  let db: InMemoryDirectory;
  let handler: RemoveMemberHandler;
  let structureId: string;
  let gpId: string;
  const remove = (memberId: string) =>
    handler.execute(userIn(structureId, ['administrator']), { memberId, structureId });

  beforeEach(() => {
    db = new InMemoryDirectory(new Date('2026-03-10T09:30:00Z'));
    handler = new RemoveMemberHandler(db.transactions, db.outbox, db.clock, db.memberships);
    structureId = db.structure().id;
    gpId = db.member(structureId, 'general_practitioner', ['practitioner']).id;
  });

  it('ends the membership at the clock’s time, keeps it as history and announces it', async () => {
    await remove(gpId);
    expect(await db.memberships.find(gpId, structureId)).toMatchObject({ leftAt: db.clock.now() });
    expect(db.events('directory.member.left.v1')).toEqual([
      { memberId: gpId, structureId, leftAt: '2026-03-10T09:30:00.000Z' },
    ]);
  });

  it('refuses to remove the referent of a current delegate until they have another one', async () => {
    db.member(structureId, 'medical_assistant', ['medical_assistant'], { referentId: gpId });
    await expectInvalid(remove(gpId), 'input.memberId', /referent of 1 delegate/);
    expect((await db.memberships.find(gpId, structureId))?.leftAt).toBeNull();
    expect(db.state.events).toEqual([]);
  });

  it('lets a referent go once their delegate has left', async () => {
    db.member(structureId, 'medical_assistant', ['medical_assistant'], { referentId: gpId, leftAt: new Date(0) });
    await expect(remove(gpId)).resolves.toBe(true);
  });

  it('does not find a member who already left', async () => {
    await remove(gpId);
    await expectNotFound(remove(gpId));
  });
});
