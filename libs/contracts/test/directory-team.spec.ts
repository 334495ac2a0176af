import { directoryTeamMemberOf, readDirectoryTeam } from '../src';

describe("reading the directory's team snapshot (GET /internal/team)", () => {
  it('keeps sites and members that have their ids, defaults the rest, and drops those that do not', () => {
    expect(
      readDirectoryTeam({
        sites: [
          { siteId: 's1', structureId: 'x', timeZone: 'America/Cayenne' },
          { siteId: 's2', structureId: 'x' },
          { structureId: 'x', timeZone: 'Europe/Paris' },
        ],
        members: [
          {
            memberId: 'm1',
            structureId: 'x',
            profession: 'nurse',
            roles: ['nurse'],
            siteIds: ['s1'],
            referentId: 'm2',
          },
          { memberId: 'm2', structureId: 'x' },
          { memberId: 'm3' },
        ],
      }),
    ).toEqual({
      sites: [
        { siteId: 's1', structureId: 'x', timeZone: 'America/Cayenne' },
        { siteId: 's2', structureId: 'x', timeZone: null },
      ],
      members: [
        {
          memberId: 'm1',
          structureId: 'x',
          profession: 'nurse',
          roles: ['nurse'],
          siteIds: ['s1'],
          referentId: 'm2',
          backupReferentId: null,
        },
        {
          memberId: 'm2',
          structureId: 'x',
          profession: 'unknown',
          roles: [],
          siteIds: [],
          referentId: null,
          backupReferentId: null,
        },
      ],
    });
    expect(readDirectoryTeam({})).toEqual({ sites: [], members: [] });
  });

  it('tells a member event as the snapshot tells the member: referents null when the event has none', () => {
    expect(
      directoryTeamMemberOf({
        memberId: 'm1',
        structureId: 'x',
        profession: 'general_practitioner',
        roles: ['practitioner'],
        siteIds: ['s1'],
        joinedAt: '2027-01-01T08:00:00.000Z',
      }),
    ).toEqual({
      memberId: 'm1',
      structureId: 'x',
      profession: 'general_practitioner',
      roles: ['practitioner'],
      siteIds: ['s1'],
      referentId: null,
      backupReferentId: null,
    });
  });
});
