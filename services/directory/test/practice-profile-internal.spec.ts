import { DirectoryTestApp } from './fixtures/directory-test-app';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

const ADD_MEMBER = `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`;
const UPDATE_MEMBER = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id } }`;
const REMOVE_MEMBER = `mutation($input: RemoveMemberInput!) { removeMember(input: $input) }`;
const OPEN_SITE = `mutation($input: OpenSiteInput!) { openSite(input: $input) { id } }`;

interface Profile {
  structureId: string;
  name: string;
  timeZone: string;
  sites: Array<Record<string, unknown>>;
  practitioners: Array<{ memberId: string; displayName: string; profession: string; siteIds: string[] }>;
}

describe("a practice's public profile for its booking page (internal API)", () => {
  let directory: DirectoryTestApp;
  let msp: SeededStructure;
  let other: SeededStructure;
  let annexId: string;
  let nurseId: string;
  let gpLastName: string;
  const scheduling = () => directory.internalAs('scheduling');
  const profilePath = (structureId: string) => `/internal/structures/${structureId}/public-profile`;

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory_practice_profile');
    msp = await seedStructure(directory, 'MSP du Profil Public');
    other = await seedStructure(directory, 'MSP Voisine');
    ({
      openSite: { id: annexId },
    } = await directory.ok<{ openSite: { id: string } }>(
      OPEN_SITE,
      {
        input: {
          structureId: msp.structureId,
          name: 'Annexe du Marché',
          addressLine: '2 place du Marché',
          postalCode: '35160',
          city: 'Montfort-sur-Meu',
          phoneLines: [],
          openingHours: [{ weekday: 2, opens: '09:00', closes: '12:00' }],
        },
      },
      msp.admin,
    ));
    ({
      addMember: { id: nurseId },
    } = await directory.ok<{ addMember: { id: string } }>(
      ADD_MEMBER,
      {
        input: {
          structureId: msp.structureId,
          firstName: 'Gwenaëlle',
          lastName: 'Abgrall',
          email: `gwen.abgrall-${Date.now().toString(36)}@msp.test`,
          profession: 'nurse',
          roles: ['practitioner'],
          siteIds: [annexId],
        },
      },
      msp.admin,
    ));
    // A GP who left the practice takes no appointment any more.
    const { addMember: leaving } = await directory.ok<{ addMember: { id: string } }>(
      ADD_MEMBER,
      {
        input: {
          structureId: msp.structureId,
          firstName: 'Paul',
          lastName: 'Parti',
          email: `paul.parti-${Date.now().toString(36)}@msp.test`,
          profession: 'general_practitioner',
          roles: ['practitioner'],
          siteIds: [msp.siteId],
        },
      },
      msp.admin,
    );
    await directory.ok(REMOVE_MEMBER, { input: { memberId: leaving.id, structureId: msp.structureId } }, msp.admin);
    [{ last_name: gpLastName }] = await directory.sql<{ last_name: string }>(
      'select last_name from member where id = $1',
      [msp.gpId],
    );
  });

  afterAll(() => directory?.stop());

  it('names the practice, its sites with their address and zone, and the professionals who take appointments', async () => {
    const profile = await scheduling().get<Profile>(profilePath(msp.structureId));
    expect(profile).toEqual({
      structureId: msp.structureId,
      name: 'MSP du Profil Public',
      timeZone: 'Europe/Paris',
      // By name.
      sites: [
        {
          siteId: annexId,
          name: 'Annexe du Marché',
          addressLine: '2 place du Marché',
          postalCode: '35160',
          city: 'Montfort-sur-Meu',
          address: '2 place du Marché, 35160 Montfort-sur-Meu',
          timeZone: 'Europe/Paris',
          phone: null,
        },
        {
          siteId: msp.siteId,
          name: 'MSP du Profil Public – centre',
          addressLine: '1 rue de la Paix',
          postalCode: '35000',
          city: 'Rennes',
          address: '1 rue de la Paix, 35000 Rennes',
          timeZone: 'Europe/Paris',
          // The desk's number, given as « 02 99 00 00 00 » when the site was opened.
          phone: '+33299000000',
        },
      ],
      // By last name; the GP is « Dr », the nurse by her name. Secretaries, assistants, coordinators, administrators
      // and the GP who left are not among those who take appointments.
      practitioners: [
        { memberId: nurseId, displayName: 'Gwenaëlle Abgrall', profession: 'nurse', siteIds: [annexId] },
        {
          memberId: msp.gpId,
          displayName: `Dr Test ${gpLastName}`,
          profession: 'general_practitioner',
          siteIds: [msp.siteId],
        },
      ],
    });
  });

  it('tells nothing of patients, of members’ e-mails or RPPS, nor of another structure', async () => {
    const text = JSON.stringify(await scheduling().get<Profile>(profilePath(msp.structureId)));
    const [patient] = await directory.sql<{ last_name: string; phone: string }>(
      'select last_name, phone from patient where id = $1',
      [msp.patientId],
    );
    expect(text).not.toContain(patient.last_name);
    expect(text).not.toContain(patient.phone);
    expect(text).not.toContain(msp.patientId);
    expect(text).not.toContain('@');
    expect(text).not.toMatch(/rpps/i);
    for (const id of [msp.memberIds.secretary, msp.memberIds.medical_assistant, msp.memberIds.coordinator])
      expect(text).not.toContain(id);
    expect(text).not.toContain(other.gpId);
    expect(text).not.toContain(other.siteId);
    const neighbour = await scheduling().get<Profile>(profilePath(other.structureId));
    expect(neighbour.name).toBe('MSP Voisine');
    expect(neighbour.practitioners.map((p) => p.memberId)).toEqual([other.gpId]);
  });

  it('follows the team at once: a practitioner given another site, then leaving', async () => {
    await directory.ok(
      UPDATE_MEMBER,
      { input: { memberId: nurseId, structureId: msp.structureId, siteIds: [annexId, msp.siteId] } },
      msp.admin,
    );
    const moved = await scheduling().get<Profile>(profilePath(msp.structureId));
    expect(moved.practitioners.find((p) => p.memberId === nurseId)?.siteIds.sort()).toEqual(
      [annexId, msp.siteId].sort(),
    );
    await directory.ok(REMOVE_MEMBER, { input: { memberId: nurseId, structureId: msp.structureId } }, msp.admin);
    const after = await scheduling().get<Profile>(profilePath(msp.structureId));
    expect(after.practitioners.map((p) => p.memberId)).toEqual([msp.gpId]);
  });

  it('answers 404 for a structure that does not exist, names a bad id, and answers scheduling only', async () => {
    await expect(scheduling().get(profilePath('00000000-0000-4000-8000-000000000000'))).rejects.toMatchObject({
      status: 404,
      code: 'DIRECTORY.STRUCTURE_NOT_FOUND',
      field: 'structureId',
    });
    await expect(scheduling().get(profilePath('not-a-structure'))).rejects.toMatchObject({
      status: 400,
      field: 'structureId',
    });
    for (const caller of ['call-routing', 'gateway', 'delegation'] as const)
      await expect(directory.internalAs(caller).get(profilePath(msp.structureId))).rejects.toMatchObject({
        status: 403,
      });
    expect((await fetch(`${directory.url}${profilePath(msp.structureId)}`)).status).toBe(401);
  });
});
