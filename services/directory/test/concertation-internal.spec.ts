import { type TestService } from '@msp/testing';
import { InternalHttpClient } from '@msp/messaging';
import { DirectoryTestApp } from './fixtures/directory-test-app';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

const REGISTER = `mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }`;
const ADD_MEMBER = `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`;
const NO_MEMBER = '00000000-0000-0000-0000-000000000000';
const UNKNOWN = '6f1c1f8e-0000-4000-8000-000000000000';

interface Population {
  structureId: string;
  asOf: string;
  practitioners: Array<{ memberId: string; patientCount: number; eligiblePatientIds: string[] }>;
}

describe('directory internal API for coordination (COO-7)', () => {
  let directory: DirectoryTestApp;
  let msp: SeededStructure;
  let other: SeededStructure;
  let coordination: InternalHttpClient;
  /** Patients of the hand-built population, by what makes them interesting. */
  const p: Record<string, string> = {};
  let gpB: string;

  const as = (caller: TestService) => directory.internalAs(caller);

  const register = async (
    target: SeededStructure,
    birthDate: string,
    medecinTraitantId: string | null,
    options: { inAld?: boolean; lastName?: string } = {},
  ): Promise<string> => {
    const { registerPatient } = await directory.ok<{ registerPatient: { id: string } }>(
      REGISTER,
      {
        input: {
          structureId: target.structureId,
          firstName: 'Yvette',
          lastName: options.lastName ?? `Né${birthDate}`,
          birthDate,
          medecinTraitantId,
        },
      },
      target.as.secretary,
    );
    if (options.inAld)
      await directory.ok(
        `mutation($input: SetPatientAldInput!) { setPatientAld(input: $input) { id } }`,
        { input: { patientId: registerPatient.id, inAld: true } },
        target.as.secretary,
      );
    return registerPatient.id;
  };

  const addGp = async (target: SeededStructure, tag: string) =>
    (
      await directory.ok<{ addMember: { id: string } }>(
        ADD_MEMBER,
        {
          input: {
            structureId: target.structureId,
            firstName: 'Médecin',
            lastName: tag,
            email: `${tag}-${Date.now()}@msp.test`,
            profession: 'general_practitioner',
            roles: ['practitioner'],
            siteIds: [target.siteId],
          },
        },
        target.admin,
      )
    ).addMember.id;

  const serviceReads = (structureId: string) =>
    directory.sql<{ member_id: string; patient_id: string | null; operation: string }>(
      `select member_id, patient_id, operation from patient_access_log
        where structure_id = $1 and operation like '%:concertation-population' order by id`,
      [structureId],
    );

  const population = (structureId: string, asOf: string, client = coordination) =>
    client.get<Population>(`/internal/concertation-population?structureId=${structureId}&asOf=${asOf}`);

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory_concertation');
    msp = await seedStructure(directory, 'MSP Concertation');
    other = await seedStructure(directory, 'MSP Voisine');
    coordination = as('coordination');

    // Dr A (the seed's GP) already has the seed's patient, born 1948-03-02: 78 on the days asked below.
    p.seed = msp.patientId;
    p.turns75OnTheDay = await register(msp, '1952-02-28', msp.gpId);
    p.leapDay = await register(msp, '1952-02-29', msp.gpId);
    p.turns75TheDayAfter = await register(msp, '1952-03-01', msp.gpId);
    p.aldUnder75 = await register(msp, '1980-06-15', msp.gpId, { inAld: true });
    p.aldAndOld = await register(msp, '1940-01-01', msp.gpId, { inAld: true });
    p.young = await register(msp, '1990-01-01', msp.gpId);

    gpB = await addGp(msp, 'Bernard');
    p.bOld = await register(msp, '1945-05-05', gpB);
    p.bAld = await register(msp, '2000-01-01', gpB, { inAld: true });
    p.bYoung = await register(msp, '2010-01-01', gpB);

    // A GP of the structure without médecin-traitant patients, an old patient without one, and a GP who left.
    await addGp(msp, 'Sansliste');
    await register(msp, '1930-01-01', null);
    const leaving = await addGp(msp, 'Parti');
    await register(msp, '1935-01-01', leaving, { inAld: true });
    await directory.ok(
      `mutation($input: RemoveMemberInput!) { removeMember(input: $input) }`,
      { input: { memberId: leaving, structureId: msp.structureId } },
      msp.admin,
    );

    // The other structure's patients, one of them an old patient of Dr A, who works there too.
    await register(other, '1930-01-01', other.gpId, { inAld: true });
    const [gpA] = await directory.sql<{ first_name: string; last_name: string; email: string }>(
      `select first_name, last_name, email from member where id = $1`,
      [msp.gpId],
    );
    const { addMember } = await directory.ok<{ addMember: { id: string } }>(
      ADD_MEMBER,
      {
        input: {
          structureId: other.structureId,
          firstName: gpA.first_name,
          lastName: gpA.last_name,
          email: gpA.email,
          profession: 'general_practitioner',
          roles: ['practitioner'],
          siteIds: [other.siteId],
        },
      },
      other.admin,
    );
    expect(addMember.id).toBe(msp.gpId);
    await register(other, '1931-01-01', msp.gpId);
  });

  afterAll(() => directory?.stop());

  describe('GET /internal/concertation-population', () => {
    it('counts each GP’s médecin-traitant patients and lists those aged 75 on the day or in ALD, by opaque id', async () => {
      const answer = await population(msp.structureId, '2027-02-28');
      // Worked out by hand: on 28 February 2027, born 1952-02-28 is 75 that day, born 1952-02-29 and 1952-03-01 are
      // still 74; the ALD patients count at any age, once.
      expect(answer).toEqual({
        structureId: msp.structureId,
        asOf: '2027-02-28',
        practitioners: [
          {
            memberId: msp.gpId,
            patientCount: 7,
            eligiblePatientIds: [p.seed, p.turns75OnTheDay, p.aldUnder75, p.aldAndOld].sort(),
          },
          { memberId: gpB, patientCount: 3, eligiblePatientIds: [p.bOld, p.bAld].sort() },
        ].sort((a, b) => a.memberId.localeCompare(b.memberId)),
      });
      expect(JSON.stringify(answer)).not.toMatch(/Yvette|Né\d|Hélène|Dupré/);
    });

    it('makes someone born on 29 February 75 on 1 March of a common year', async () => {
      const answer = await population(msp.structureId, '2027-03-01');
      const drA = answer.practitioners.find((gp) => gp.memberId === msp.gpId);
      expect(drA?.eligiblePatientIds).toEqual(
        [p.seed, p.turns75OnTheDay, p.leapDay, p.turns75TheDayAfter, p.aldUnder75, p.aldAndOld].sort(),
      );
      // A year earlier, only the patients in ALD and the seed's patient (then 77) are eligible.
      const yearBefore = await population(msp.structureId, '2026-03-01');
      expect(yearBefore.practitioners.find((gp) => gp.memberId === msp.gpId)?.eligiblePatientIds).toEqual(
        [p.seed, p.aldUnder75, p.aldAndOld].sort(),
      );
    });

    it('counts in the other structure only its own patients, Dr A’s there included', async () => {
      const answer = await population(other.structureId, '2027-02-28');
      expect(answer.practitioners.map(({ memberId, patientCount }) => ({ memberId, patientCount }))).toEqual(
        [
          { memberId: other.gpId, patientCount: 2 },
          { memberId: msp.gpId, patientCount: 1 },
        ].sort((a, b) => a.memberId.localeCompare(b.memberId)),
      );
    });

    it('writes one access-log line per call, by coordination and naming no patient', async () => {
      const before = (await serviceReads(msp.structureId)).length;
      await population(msp.structureId, '2027-02-28');
      const after = await serviceReads(msp.structureId);
      expect(after).toHaveLength(before + 1);
      expect(after[after.length - 1]).toEqual({
        member_id: NO_MEMBER,
        patient_id: null,
        operation: 'coordination:concertation-population',
      });
      // Administrators see it in their audit, without a patient or a member.
      const { patientAccessLog } = await directory.ok<{
        patientAccessLog: Array<{ patientId: string | null; operation: string; member: unknown }>;
      }>(
        `query($s: ID!) { patientAccessLog(structureId: $s, limit: 1) { patientId operation member { id } } }`,
        { s: msp.structureId },
        msp.admin,
      );
      expect(patientAccessLog).toEqual([
        { patientId: null, operation: 'coordination:concertation-population', member: null },
      ]);
    });

    it('names the bad or missing parameter with a 400, and answers 404 for an unknown structure', async () => {
      const get = (query: string) => coordination.get(`/internal/concertation-population?${query}`);
      await expect(get('asOf=2027-02-28')).rejects.toMatchObject({ status: 400, field: 'structureId' });
      await expect(get(`structureId=${msp.structureId}`)).rejects.toMatchObject({ status: 400, field: 'asOf' });
      await expect(get(`structureId=${msp.structureId}&asOf=2027-02-30`)).rejects.toMatchObject({
        status: 400,
        code: 'DIRECTORY.INVALID_INPUT',
        field: 'asOf',
      });
      await expect(get(`structureId=${msp.structureId}&asOf=28/02/2027`)).rejects.toMatchObject({
        status: 400,
        field: 'asOf',
      });
      await expect(get(`structureId=pas-un-id&asOf=2027-02-28`)).rejects.toMatchObject({
        status: 400,
        field: 'structureId',
      });
      await expect(get(`structureId=${UNKNOWN}&asOf=2027-02-28`)).rejects.toMatchObject({
        status: 404,
        field: 'structureId',
      });
    });

    it('answers indicators too (the ACI share on the dashboard), logging the read as indicators’', async () => {
      const answer = await population(msp.structureId, '2027-02-28', as('indicators'));
      expect(answer.practitioners.length).toBeGreaterThan(0);
      const reads = await serviceReads(msp.structureId);
      expect(reads[reads.length - 1].operation).toBe('indicators:concertation-population');
    });

    it.each(['scheduling', 'call-routing', 'delegation'] as const)(
      'refuses %s (403) and logs nothing',
      async (caller) => {
        const before = (await serviceReads(msp.structureId)).length;
        await expect(population(msp.structureId, '2027-02-28', as(caller))).rejects.toMatchObject({ status: 403 });
        expect(await serviceReads(msp.structureId)).toHaveLength(before);
      },
    );
  });

  describe('POST /internal/patient-identities', () => {
    const identities = (body: Record<string, unknown>, client = coordination) =>
      client.post<{ patients: Array<Record<string, string>> }>('/internal/patient-identities', body);

    const minutesReads = (patientIds: string[]) =>
      directory.sql<{ member_id: string; patient_id: string }>(
        `select member_id, patient_id from patient_access_log
          where operation = 'coordination_minutes' and patient_id = any($1) order by id`,
        [patientIds],
      );

    it('gives an entitled reader the names of the structure’s patients asked for, and logs each read against them', async () => {
      const named = await register(msp, '1944-04-04', msp.gpId, { lastName: 'Le Goff' });
      const theirs = await register(other, '1944-04-04', other.gpId, { lastName: 'Ailleurs' });
      const answer = await identities({
        readerId: msp.memberIds.coordinator,
        structureId: msp.structureId,
        patientIds: [named, theirs, UNKNOWN, p.bOld, named],
        purpose: 'coordination_minutes',
      });
      expect(answer).toEqual({
        patients: [
          { patientId: named, firstName: 'Yvette', lastName: 'Le Goff', birthDate: '1944-04-04' },
          { patientId: p.bOld, firstName: 'Yvette', lastName: 'Né1945-05-05', birthDate: '1945-05-05' },
        ],
      });
      expect(await minutesReads([named, theirs, p.bOld])).toEqual([
        { member_id: msp.memberIds.coordinator, patient_id: named },
        { member_id: msp.memberIds.coordinator, patient_id: p.bOld },
      ]);
    });

    it.each([
      ['an administrator (no role that reads patients)', () => msp.memberIds.administrator],
      ['a member of another structure', () => other.memberIds.secretary],
      ['an unknown member', () => UNKNOWN],
    ])('refuses %s with 403, returning and logging nothing', async (_, reader) => {
      const patientIds = [p.bAld, p.bYoung];
      await expect(
        identities({ readerId: reader(), structureId: msp.structureId, patientIds, purpose: 'coordination_minutes' }),
      ).rejects.toMatchObject({
        status: 403,
        code: 'DIRECTORY.READER_NOT_ENTITLED',
        field: 'readerId',
        message: expect.stringMatching(/may not read patient identity/),
      });
      expect(await minutesReads(patientIds)).toEqual([]);
    });

    it('refuses a member who has left the structure', async () => {
      const [row] = await directory.sql<{ member_id: string }>(
        `select member_id from membership where structure_id = $1 and left_at is not null`,
        [msp.structureId],
      );
      await expect(
        identities({
          readerId: row.member_id,
          structureId: msp.structureId,
          patientIds: [p.young],
          purpose: 'coordination_minutes',
        }),
      ).rejects.toMatchObject({ status: 403, code: 'DIRECTORY.READER_NOT_ENTITLED' });
      expect(await minutesReads([p.young])).toEqual([]);
    });

    it('names the bad field of the body with a 400', async () => {
      const body = {
        readerId: msp.memberIds.secretary,
        structureId: msp.structureId,
        patientIds: [p.young],
        purpose: 'coordination_minutes',
      };
      await expect(identities({ ...body, purpose: 'curiosity' })).rejects.toMatchObject({
        status: 400,
        field: 'purpose',
      });
      await expect(identities({ ...body, patientIds: [p.young, 'x'] })).rejects.toMatchObject({
        status: 400,
        field: 'patientIds[1]',
      });
      await expect(identities({ ...body, patientIds: [] })).rejects.toMatchObject({ status: 400, field: 'patientIds' });
      const tooMany = Array.from({ length: 201 }, (_, i) => `6f1c1f8e-0000-4000-8000-${String(i).padStart(12, '0')}`);
      await expect(identities({ ...body, patientIds: tooMany })).rejects.toMatchObject({
        status: 400,
        field: 'patientIds',
      });
      await expect(identities({ ...body, readerId: undefined })).rejects.toMatchObject({
        status: 400,
        field: 'readerId',
      });
      expect(await minutesReads([p.young])).toEqual([]);
    });

    it.each(['scheduling', 'indicators'] as const)(
      'refuses %s (403): names are coordination’s only, logging nothing',
      async (caller) => {
        await expect(
          identities(
            {
              readerId: msp.memberIds.secretary,
              structureId: msp.structureId,
              patientIds: [p.young],
              purpose: 'coordination_minutes',
            },
            as(caller),
          ),
        ).rejects.toMatchObject({ status: 403 });
        expect(await minutesReads([p.young])).toEqual([]);
      },
    );
  });
});
