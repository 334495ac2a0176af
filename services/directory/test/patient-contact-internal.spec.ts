import { testServicePrivateKey } from '@msp/testing';
import { DataSource } from 'typeorm';
import { DirectoryTestApp } from './fixtures/directory-test-app';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

const UPDATE = `mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { id } }`;
const NO_MEMBER = '00000000-0000-0000-0000-000000000000';

describe("the patient's contact scheduling sends reminders and waitlist offers to (internal API)", () => {
  let directory: DirectoryTestApp;
  let msp: SeededStructure;
  let other: SeededStructure;
  const client = (caller: Parameters<typeof testServicePrivateKey>[0]) => directory.internalAs(caller);
  const sql = <T>(query: string, parameters: unknown[] = []): Promise<T[]> =>
    directory.get(DataSource).query(query, parameters);
  const contactPath = (structureId: string, patientId: string, purpose: string) =>
    `/internal/structures/${structureId}/patients/${patientId}/contact?purpose=${purpose}`;
  const logged = (patientId: string) =>
    sql<{ operation: string; member_id: string }>(
      `select operation, member_id from patient_access_log where patient_id = $1 and operation like 'scheduling:%' order by at`,
      [patientId],
    );

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory_patient_contact');
    msp = await seedStructure(directory, 'MSP Rappels');
    other = await seedStructure(directory, 'MSP Voisine');
    await directory.ok(
      UPDATE,
      { input: { patientId: msp.patientId, email: 'helene@example.test', consentToReminders: true } },
      msp.as.secretary,
    );
  });

  afterAll(() => directory?.stop());

  it('gives a consenting patient’s phone and e-mail with the practice’s name for a reminder, and logs the read', async () => {
    const answer = await client('scheduling').get(contactPath(msp.structureId, msp.patientId, 'reminder'));
    expect(answer).toEqual({
      patientId: msp.patientId,
      structureId: msp.structureId,
      structureName: 'MSP Rappels',
      consentToReminders: true,
      phone: '+33612345678',
      email: 'helene@example.test',
    });
    expect(await logged(msp.patientId)).toEqual([{ operation: 'scheduling:reminder-contact', member_id: NO_MEMBER }]);
  });

  it('without consent, a reminder gets no contact and nothing is logged; a waitlist offer the patient asked for does', async () => {
    await directory.ok(
      UPDATE,
      { input: { patientId: other.patientId, consentToReminders: false } },
      other.as.secretary,
    );
    await expect(
      client('scheduling').get(contactPath(other.structureId, other.patientId, 'reminder')),
    ).resolves.toMatchObject({ consentToReminders: false, phone: null, email: null });
    expect(await logged(other.patientId)).toEqual([]);
    await expect(
      client('scheduling').get(contactPath(other.structureId, other.patientId, 'waitlist_offer')),
    ).resolves.toMatchObject({ consentToReminders: false, phone: '+33612345678' });
    expect(await logged(other.patientId)).toEqual([
      { operation: 'scheduling:waitlist-offer-contact', member_id: NO_MEMBER },
    ]);
  });

  it('another structure’s patient is 404 exactly as an unknown id; a bad purpose names its field; only scheduling may ask', async () => {
    await expect(
      client('scheduling').get(contactPath(other.structureId, msp.patientId, 'reminder')),
    ).rejects.toMatchObject({ status: 404, code: 'DIRECTORY.PATIENT_NOT_FOUND' });
    await expect(
      client('scheduling').get(contactPath(msp.structureId, '1b2f4b2d-3e6c-4f5d-8c9b-2e3f4a5b6c7d', 'reminder')),
    ).rejects.toMatchObject({ status: 404, code: 'DIRECTORY.PATIENT_NOT_FOUND' });
    await expect(
      client('scheduling').get(contactPath(msp.structureId, msp.patientId, 'marketing')),
    ).rejects.toMatchObject({ status: 400, field: 'purpose' });
    await expect(
      client('call-routing').get(contactPath(msp.structureId, msp.patientId, 'reminder')),
    ).rejects.toMatchObject({ status: 403 });
    await expect(client('coordination').get('/internal/reminder-consents')).rejects.toMatchObject({ status: 403 });
  });

  it('answers every patient’s reminder consent, ids only, for scheduling to rebuild its copy, logged per structure', async () => {
    const { consents } = await client('scheduling').get<{ consents: Array<Record<string, unknown>> }>(
      '/internal/reminder-consents',
    );
    expect(consents).toEqual(
      expect.arrayContaining([
        { patientId: msp.patientId, structureId: msp.structureId, consentToReminders: true },
        { patientId: other.patientId, structureId: other.structureId, consentToReminders: false },
      ]),
    );
    expect(Object.keys(consents[0]).sort()).toEqual(['consentToReminders', 'patientId', 'structureId']);
    expect(
      await sql(
        `select operation from patient_access_log where structure_id = $1 and operation = 'scheduling:reminder-consents'`,
        [msp.structureId],
      ),
    ).toEqual([{ operation: 'scheduling:reminder-consents' }]);
  });
});
