import { InternalHttpClient } from '@msp/messaging';
import { DataSource } from 'typeorm';
import { DirectoryTestApp } from './fixtures/directory-test-app';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

const REGISTER = `mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }`;

describe('directory internal API for online booking', () => {
  let directory: DirectoryTestApp;
  let msp: SeededStructure;
  let other: SeededStructure;
  let client: InternalHttpClient;
  let lastName: string;

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory_online');
    msp = await seedStructure(directory, 'MSP En Ligne');
    other = await seedStructure(directory, 'MSP Autre');
    client = directory.internalAs('scheduling');
    const [row] = await directory.get(DataSource).query(`select last_name from patient where id = $1`, [msp.patientId]);
    lastName = (row as { last_name: string }).last_name;
  });

  afterAll(() => directory?.stop());

  const sql = <T>(query: string, parameters: unknown[] = []): Promise<T[]> =>
    directory.get(DataSource).query(query, parameters);

  it('matches exactly one patient on last name (accents and case ignored), birth date and phone in any written form', async () => {
    const loose = lastName
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toUpperCase();
    const answer = await client.post<Record<string, unknown>>('/internal/patients/match', {
      structureId: msp.structureId,
      lastName: loose,
      birthDate: '1948-03-02',
      phone: '+33 6 12 34 56 78',
    });
    expect(answer).toEqual({ patientId: msp.patientId });
    const [log] = await sql<{ operation: string; member_id: string }>(
      `select operation, member_id from patient_access_log where patient_id = $1 and operation like 'online-booking:%'`,
      [msp.patientId],
    );
    expect(log).toEqual({ operation: 'online-booking:match', member_id: '00000000-0000-0000-0000-000000000000' });
  });

  it('answers 404 for a wrong birth date, another structure, or two patients sharing the details', async () => {
    const base = { structureId: msp.structureId, lastName, birthDate: '1948-03-02', phone: '0612345678' };
    await expect(client.post('/internal/patients/match', { ...base, birthDate: '1948-03-03' })).rejects.toMatchObject({
      status: 404,
      code: 'DIRECTORY.PATIENT_NOT_MATCHED',
    });
    await expect(
      client.post('/internal/patients/match', { ...base, structureId: other.structureId }),
    ).rejects.toMatchObject({ status: 404 });
    const twin = {
      structureId: msp.structureId,
      firstName: 'Jumelle',
      lastName,
      birthDate: '1948-03-02',
      phone: '06 12 34 56 78',
    };
    await directory.ok(REGISTER, { input: twin }, msp.as.secretary);
    await expect(client.post('/internal/patients/match', base)).rejects.toMatchObject({ status: 404 });
  });

  it('names the bad field', async () => {
    const base = { structureId: msp.structureId, lastName: 'Martin', birthDate: '1980-01-01', phone: '0612345678' };
    await expect(client.post('/internal/patients/match', { ...base, phone: '12' })).rejects.toMatchObject({
      status: 400,
      field: 'phone',
    });
    await expect(client.post('/internal/patients/match', { ...base, birthDate: '01/01/1980' })).rejects.toMatchObject({
      status: 400,
      field: 'birthDate',
    });
    await expect(client.post('/internal/patients/match', { ...base, structureId: 'x' })).rejects.toMatchObject({
      status: 400,
      field: 'structureId',
    });
  });

  it('keeps a new patient identity as a request, registers it once on behalf of a member, with the event and the access log', async () => {
    const identity = {
      structureId: msp.structureId,
      firstName: 'Zoé',
      lastName: 'Nouvelle',
      birthDate: '1990-05-06',
      phone: '07 11 22 33 44',
    };
    const { requestId } = await client.post<{ requestId: string }>('/internal/patient-registration-requests', identity);
    await expect(client.post('/internal/patients/match', identity)).rejects.toMatchObject({ status: 404 });
    const { patientId } = await client.post<{ patientId: string }>(
      `/internal/patient-registration-requests/${requestId}/register`,
      { memberId: msp.memberIds.secretary },
    );
    await expect(
      client.post(`/internal/patient-registration-requests/${requestId}/register`, {
        memberId: msp.memberIds.secretary,
      }),
    ).resolves.toEqual({ patientId });
    await expect(client.post('/internal/patients/match', identity)).resolves.toEqual({ patientId });
    const events = await sql<{ payload: string }>(
      `select payload from outbox_message where event_type = 'directory.patient.registered.v1' and message_key = $1`,
      [patientId],
    );
    expect(events.map((e) => JSON.parse(e.payload))).toEqual([
      expect.objectContaining({ patientId, consentToReminders: false }),
    ]);
    expect(JSON.stringify(events)).not.toMatch(/Zoé|Nouvelle/);
    const logs = await sql<{ member_id: string }>(
      `select member_id from patient_access_log where patient_id = $1 and operation = 'online-booking:register'`,
      [patientId],
    );
    expect(logs).toEqual([{ member_id: msp.memberIds.secretary }]);
  });

  it('deletes a request turned down; an unknown one is 404', async () => {
    const identity = {
      structureId: msp.structureId,
      firstName: 'Léo',
      lastName: 'Refusé',
      birthDate: '1991-05-06',
      phone: '07 11 22 33 45',
    };
    const { requestId } = await client.post<{ requestId: string }>('/internal/patient-registration-requests', identity);
    await client.post(`/internal/patient-registration-requests/${requestId}/discard`, {});
    expect(await sql(`select id from patient_registration_request where id = $1`, [requestId])).toEqual([]);
    await expect(
      client.post(`/internal/patient-registration-requests/${requestId}/register`, {
        memberId: msp.memberIds.secretary,
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('tells what a site is called, for calendar feeds', async () => {
    await expect(client.get(`/internal/sites/${msp.siteId}`)).resolves.toMatchObject({
      siteId: msp.siteId,
      name: 'MSP En Ligne – centre',
      address: '1 rue de la Paix, 35000 Rennes',
      timeZone: 'Europe/Paris',
    });
    await expect(client.get('/internal/sites/00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      status: 404,
    });
  });

  it("answers whether a patient id is the structure's, with the same 404 for another structure's patient and an unknown id", async () => {
    const path = (structureId: string, patientId: string) =>
      `/internal/structures/${structureId}/patients/${patientId}`;
    await expect(client.get(path(msp.structureId, msp.patientId))).resolves.toEqual({
      structureId: msp.structureId,
      patientId: msp.patientId,
    });
    for (const patientId of [other.patientId, '00000000-0000-4000-8000-000000000000', 'not-an-id'])
      await expect(client.get(path(msp.structureId, patientId))).rejects.toMatchObject({
        status: 404,
        code: 'DIRECTORY.PATIENT_NOT_FOUND',
        field: 'patientId',
      });
  });

  it('refuses the patient-membership route to any service but scheduling', async () => {
    const callRouting = directory.internalAs('call-routing');
    await expect(
      callRouting.get(`/internal/structures/${msp.structureId}/patients/${msp.patientId}`),
    ).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });
});
