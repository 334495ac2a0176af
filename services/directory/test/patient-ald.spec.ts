import type { UserContext } from '@msp/auth';
import { DirectoryTestApp } from './fixtures/directory-test-app';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

const SET_ALD = `mutation($input: SetPatientAldInput!) { setPatientAld(input: $input) { id inAld } }`;

describe('the ALD flag of a patient (COO-7)', () => {
  let directory: DirectoryTestApp;
  let own: SeededStructure;
  let other: SeededStructure;

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory_ald');
    own = await seedStructure(directory, 'MSP ALD');
    other = await seedStructure(directory, 'MSP Voisine');
  });

  afterAll(() => directory?.stop());

  const setAld = (user: UserContext, patientId: string, inAld: boolean) =>
    directory.gql<{ setPatientAld: { id: string; inAld: boolean } }>(SET_ALD, { input: { patientId, inAld } }, user);

  const newPatient = async (target: SeededStructure) =>
    (
      await directory.ok<{ registerPatient: { id: string } }>(
        `mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }`,
        {
          input: {
            structureId: target.structureId,
            firstName: 'Yvonne',
            lastName: 'Le Bihan',
            birthDate: '1950-05-05',
          },
        },
        target.as.secretary,
      )
    ).registerPatient.id;

  const stored = async (patientId: string) =>
    (
      await directory.sql<{ in_ald: boolean; ald_changed_by: string | null; ald_changed_at: Date | null }>(
        `select in_ald, ald_changed_by, ald_changed_at from patient where id = $1`,
        [patientId],
      )
    )[0];

  const aldLog = (patientId: string) =>
    directory.sql<{ member_id: string; structure_id: string }>(
      `select member_id, structure_id from patient_access_log where patient_id = $1 and operation = 'setPatientAld' order by id`,
      [patientId],
    );

  it('is off for a new patient; a practitioner sets it, a secretary clears it, each set recorded and access-logged', async () => {
    const patientId = await newPatient(own);
    expect(await stored(patientId)).toEqual({ in_ald: false, ald_changed_by: null, ald_changed_at: null });

    const set = await setAld(own.as.practitioner, patientId, true);
    expect(set.errors).toBeUndefined();
    expect(set.data?.setPatientAld).toEqual({ id: patientId, inAld: true });
    expect(await stored(patientId)).toMatchObject({ in_ald: true, ald_changed_by: own.memberIds.practitioner });

    const cleared = await setAld(own.as.secretary, patientId, false);
    expect(cleared.data?.setPatientAld).toEqual({ id: patientId, inAld: false });
    expect(await stored(patientId)).toMatchObject({ in_ald: false, ald_changed_by: own.memberIds.secretary });

    expect(await aldLog(patientId)).toEqual([
      { member_id: own.memberIds.practitioner, structure_id: own.structureId },
      { member_id: own.memberIds.secretary, structure_id: own.structureId },
    ]);
  });

  it('keeps who set it when it is set again to the same value, and still logs the call', async () => {
    const patientId = await newPatient(own);
    await setAld(own.as.practitioner, patientId, true);
    const first = await stored(patientId);
    expect((await setAld(own.as.secretary, patientId, true)).data?.setPatientAld.inAld).toBe(true);
    expect(await stored(patientId)).toEqual(first);
    expect(await aldLog(patientId)).toHaveLength(2);
  });

  it.each(['medical_assistant', 'coordinator', 'administrator'] as const)(
    'refuses a %s of the structure with FORBIDDEN, changing and logging nothing',
    async (role) => {
      const patientId = await newPatient(own);
      const result = await setAld(own.as[role], patientId, true);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
      expect(await stored(patientId)).toMatchObject({ in_ald: false, ald_changed_by: null });
      expect(await aldLog(patientId)).toEqual([]);
    },
  );

  it('answers NOT_FOUND for a patient of another structure, exactly as for an unknown id, changing nothing', async () => {
    const theirs = await newPatient(other);
    for (const patientId of [theirs, '6f1c1f8e-0000-4000-8000-000000000000']) {
      const result = await setAld(own.as.secretary, patientId, true);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'DIRECTORY.NOT_FOUND',
        field: 'input.patientId',
      });
    }
    expect(await stored(theirs)).toMatchObject({ in_ald: false });
    expect(await aldLog(theirs)).toEqual([]);
  });

  it('is read on Patient by those who may read the patient, through the access-logged read', async () => {
    const patientId = await newPatient(own);
    await setAld(own.as.secretary, patientId, true);
    const { patient } = await directory.ok<{ patient: { inAld: boolean } }>(
      `query($id: ID!) { patient(id: $id) { inAld } }`,
      { id: patientId },
      own.as.coordinator,
    );
    expect(patient.inAld).toBe(true);
    const reads = await directory.sql(
      `select 1 from patient_access_log where patient_id = $1 and member_id = $2 and operation = 'patient'`,
      [patientId, own.memberIds.coordinator],
    );
    expect(reads).toHaveLength(1);
    const refused = await directory.gql(`query($id: ID!) { patient(id: $id) { inAld } }`, { id: patientId }, own.admin);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('never goes on the wire: setting it records no event, and patient events never carry it', async () => {
    const patientId = await newPatient(own);
    const outbox = async () =>
      Number((await directory.sql<{ n: string }>(`select count(*) as n from outbox_message`))[0].n);
    const before = await outbox();
    await setAld(own.as.practitioner, patientId, true);
    expect(await outbox()).toBe(before);

    // An update after the flag was set announces the change it made, and the flag stays as it was.
    await directory.ok(
      `mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { id } }`,
      { input: { patientId, phone: '07 11 22 33 44' } },
      own.as.secretary,
    );
    expect(await stored(patientId)).toMatchObject({ in_ald: true });
    const payloads = await directory.sql<{ event_type: string; payload: string }>(
      `select event_type, payload from outbox_message where message_key = $1`,
      [patientId],
    );
    expect(payloads.map((row) => row.event_type).sort()).toEqual([
      'directory.patient.registered.v1',
      'directory.patient.updated.v1',
    ]);
    for (const { payload } of payloads) expect(payload).not.toMatch(/ald/i);
  });
});
