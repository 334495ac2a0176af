import { DirectoryTestApp } from './fixtures/directory-test-app';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

/** Hostile input the issue found answering INTERNAL_SERVER_ERROR: each is now a field error naming the argument. */
describe('directory refuses hostile input naming the field', () => {
  let directory: DirectoryTestApp;
  let own: SeededStructure;

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory_hostile');
    own = await seedStructure(directory, 'MSP Hostile');
  });

  afterAll(() => directory?.stop());

  it.each([
    ['site(id)', `query($v: ID!) { site(id: $v) { id } }`, 'id'],
    ['member(id)', `query($v: ID!) { member(id: $v) { id } }`, 'id'],
    ['patient(id)', `query($v: ID!) { patient(id: $v) { id } }`, 'id'],
    ['members(siteId)', `query($s: ID!, $v: ID) { members(structureId: $s, siteId: $v) { id } }`, 'siteId'],
    [
      'patientAccessLog(patientId)',
      `query($s: ID!, $v: ID) { patientAccessLog(structureId: $s, patientId: $v) { id } }`,
      'patientId',
    ],
    [
      'updateMember(input.memberId)',
      `mutation($s: ID!, $v: ID!) { updateMember(input: { structureId: $s, memberId: $v, roles: ["coordinator"] }) { id } }`,
      'input.memberId',
    ],
    [
      'updatePatient(input.patientId)',
      `mutation($v: ID!) { updatePatient(input: { patientId: $v, consentToReminders: true }) { id } }`,
      'input.patientId',
    ],
  ])(
    'refuses an id that is not a UUID in %s, naming the field (never an internal error)',
    async (_name, query, field) => {
      const result = await directory.gql(query, { s: own.structureId, v: "1' or '1'='1" }, own.as.administrator);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'DIRECTORY.INVALID_INPUT',
        field,
      });
    },
  );

  it('refuses a NUL byte in a profession filter, naming the field', async () => {
    const result = await directory.gql(
      `query($s: ID!, $p: String) { members(structureId: $s, profession: $p) { id } }`,
      { s: own.structureId, p: 'nurse\u0000' },
      own.as.secretary,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'profession' });
  });
});
