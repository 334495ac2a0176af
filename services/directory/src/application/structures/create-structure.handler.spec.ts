import { platformActor } from '../actor';
import { CreateStructureHandler } from './create-structure.handler';
import { InMemoryDirectory } from '../../../test/fixtures/in-memory-directory';

describe('creating a structure', () => {
  it('gives it its first administrator and announces the membership, with no referents, at the clock’s time', async () => {
    const db = new InMemoryDirectory(new Date('2026-03-10T09:30:00Z'));
    const handler = new CreateStructureHandler(
      db.transactions,
      db.outbox,
      db.clock,
      db.structures,
      db.members,
      db.memberships,
    );
    const { structure, administrator } = await handler.execute(platformActor('spec'), {
      kind: 'MSP',
      name: 'MSP des Tilleuls',
      administrator: {
        firstName: 'Agnès',
        lastName: 'Rouxel',
        email: 'admin@tilleuls.test',
        profession: 'practice_manager',
      },
    });
    expect(await db.memberships.find(administrator.id, structure.id)).toMatchObject({
      roles: ['administrator'],
      referentId: null,
      backupReferentId: null,
    });
    expect(db.events('directory.member.joined.v1')).toEqual([
      {
        memberId: administrator.id,
        structureId: structure.id,
        profession: 'practice_manager',
        roles: ['administrator'],
        siteIds: [],
        referentId: null,
        backupReferentId: null,
        rpps: null,
        joinedAt: '2026-03-10T09:30:00.000Z',
      },
    ]);
  });
});
