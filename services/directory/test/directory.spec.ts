import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { TOPICS } from '@msp/contracts';
import { expectEventually, testKafkaBrokers, uniqueSuffix } from '@msp/testing';
import { DirectoryTestApp, type GraphQLResult } from './fixtures/directory-test-app';
import { newRpps } from './fixtures/rpps';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

const ADD_MEMBER = `mutation($input: AddMemberInput!) { addMember(input: $input) { id profession rpps } }`;
const REGISTER = `mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id phone } }`;
const OPEN_SITE = `mutation($input: OpenSiteInput!) { openSite(input: $input) { id timeZone phoneLines } }`;

function refusal(result: GraphQLResult) {
  expect(result.errors).toHaveLength(1);
  return result.errors![0].extensions ?? {};
}

describe('directory subgraph', () => {
  let directory: DirectoryTestApp;
  let msp: SeededStructure;
  let db: DataSource;
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].count);

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory');
    msp = await seedStructure(directory, 'MSP des Lices');
    db = directory.get(DataSource);
  });

  afterAll(() => directory?.stop());

  const member = (overrides: Record<string, unknown> = {}) => ({
    structureId: msp.structureId,
    firstName: 'Paul',
    lastName: 'Kiné',
    email: `paul-${uniqueSuffix()}@msp.test`,
    profession: 'physiotherapist',
    roles: ['practitioner'],
    siteIds: [msp.siteId],
    ...overrides,
  });

  describe('patients', () => {
    it('finds a patient by name regardless of accents and case, by birth date and by phone', async () => {
      const search = (args: string) =>
        directory.ok<{ searchPatients: Array<{ id: string }> }>(
          `query($s: ID!) { searchPatients(structureId: $s, ${args}) { id } }`,
          { s: msp.structureId },
          msp.as.secretary,
        );
      expect((await search('name: "HELENE dupre"')).searchPatients.map((p) => p.id)).toContain(msp.patientId);
      expect((await search('birthDate: "1948-03-02"')).searchPatients.map((p) => p.id)).toContain(msp.patientId);
      expect((await search('phone: "+33 6 12 34 56 78"')).searchPatients.map((p) => p.id)).toContain(msp.patientId);
      expect((await search('name: "zzzz"')).searchPatients).toEqual([]);
    });

    it('writes an access-log row for every read of identity, which administrators can query', async () => {
      const before = await count('select count(*) from patient_access_log where patient_id = $1 and operation = $2', [
        msp.patientId,
        'patient',
      ]);
      await directory.ok(
        `query($id: ID!) { patient(id: $id) { lastName medecinTraitant { id } } }`,
        { id: msp.patientId },
        msp.as.practitioner,
      );
      expect(
        await count('select count(*) from patient_access_log where patient_id = $1 and operation = $2', [
          msp.patientId,
          'patient',
        ]),
      ).toBe(before + 1);

      const { patientAccessLog } = await directory.ok<{
        patientAccessLog: Array<{ operation: string; member: { id: string } }>;
      }>(
        `query($s: ID!, $p: ID!) { patientAccessLog(structureId: $s, patientId: $p) { operation at member { id } } }`,
        { s: msp.structureId, p: msp.patientId },
        msp.admin,
      );
      expect(patientAccessLog[0]).toEqual(
        expect.objectContaining({ operation: 'patient', member: { id: msp.memberIds.practitioner } }),
      );
      expect(patientAccessLog.map((e) => e.operation)).toEqual(expect.arrayContaining(['registerPatient', 'patient']));
    });

    it('normalises overseas numbers of an overseas site and French numbers elsewhere', async () => {
      const { registerPatient } = await directory.ok<{ registerPatient: { phone: string } }>(
        REGISTER,
        {
          input: {
            structureId: msp.structureId,
            firstName: 'Noé',
            lastName: 'Payet',
            birthDate: '1990-01-01',
            phone: '0692 12 34 56',
          },
        },
        msp.as.secretary,
      );
      expect(registerPatient.phone).toBe('+262692123456');
      const { openSite } = await directory.ok<{ openSite: { timeZone: string; phoneLines: string[] } }>(
        OPEN_SITE,
        {
          input: {
            structureId: msp.structureId,
            name: 'Antenne de Saint-Pierre',
            addressLine: '2 rue des Bons Enfants',
            postalCode: '97410',
            city: 'Saint-Pierre',
            phoneLines: ['0262 35 00 00'],
            timeZone: 'Indian/Reunion',
            openingHours: [{ weekday: 2, opens: '07:30', closes: '12:00' }],
          },
        },
        msp.admin,
      );
      expect(openSite).toMatchObject({ timeZone: 'Indian/Reunion', phoneLines: ['+262262350000'] });
    });
  });

  describe('bad input is refused with the field and nothing is written', () => {
    const nothingWritten = async (email: string) => {
      expect(await count('select count(*) from member where lower(email) = lower($1)', [email])).toBe(0);
    };

    it('unknown profession', async () => {
      const input = member({ profession: 'astrologer' });
      const error = refusal(await directory.gql(ADD_MEMBER, { input }, msp.admin));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.profession' });
      await nothingWritten(input.email);
    });

    it('invalid phone number', async () => {
      const result = await directory.gql(
        REGISTER,
        {
          input: { structureId: msp.structureId, firstName: 'A', lastName: 'B', birthDate: '1980-01-01', phone: '12' },
        },
        msp.as.secretary,
      );
      expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phone' });
      expect(await count(`select count(*) from patient where last_name = 'B'`)).toBe(0);
    });

    it('invalid time zone and overlapping opening hours', async () => {
      const site = {
        structureId: msp.structureId,
        name: 'Annexe',
        addressLine: '3 rue X',
        postalCode: '35000',
        city: 'Rennes',
        phoneLines: [],
        openingHours: [{ weekday: 1, opens: '08:00', closes: '12:00' }],
      };
      expect(
        refusal(await directory.gql(OPEN_SITE, { input: { ...site, timeZone: 'Europe/Atlantis' } }, msp.admin)),
      ).toMatchObject({ field: 'input.timeZone' });
      expect(
        refusal(await directory.gql(OPEN_SITE, { input: { ...site, timeZone: '+02:00' } }, msp.admin)),
      ).toMatchObject({ field: 'input.timeZone' });
      const overlapping = [...site.openingHours, { weekday: 1, opens: '11:00', closes: '13:00' }];
      expect(
        refusal(await directory.gql(OPEN_SITE, { input: { ...site, openingHours: overlapping } }, msp.admin)),
      ).toMatchObject({ field: 'input.openingHours[1]' });
      expect(await count(`select count(*) from site where name = 'Annexe'`)).toBe(0);
    });

    it('duplicate RPPS', async () => {
      const rpps = newRpps();
      await directory.ok(ADD_MEMBER, { input: member({ rpps }) }, msp.admin);
      const second = member({ rpps });
      expect(refusal(await directory.gql(ADD_MEMBER, { input: second }, msp.admin))).toMatchObject({
        code: 'CONFLICT',
        field: 'input.rpps',
      });
      await nothingWritten(second.email);
      expect(
        refusal(await directory.gql(ADD_MEMBER, { input: member({ rpps: '12345678901' }) }, msp.admin)),
      ).toMatchObject({ field: 'input.rpps' });
    });

    it('a delegate without referent, or with a referent who is not a practitioner', async () => {
      const joinedBefore = (await directory.events('directory.member.joined.v1')).length;
      const delegate = member({ profession: 'medical_assistant', roles: ['medical_assistant'] });
      expect(refusal(await directory.gql(ADD_MEMBER, { input: delegate }, msp.admin))).toMatchObject({
        field: 'input.referentId',
      });
      const wrongReferent = { ...delegate, referentId: msp.memberIds.secretary };
      expect(refusal(await directory.gql(ADD_MEMBER, { input: wrongReferent }, msp.admin))).toMatchObject({
        field: 'input.referentId',
      });
      await nothingWritten(delegate.email);
      expect(await directory.events('directory.member.joined.v1')).toHaveLength(joinedBefore);
    });

    it('a birth date in the future and a search without criteria', async () => {
      const result = await directory.gql(
        REGISTER,
        { input: { structureId: msp.structureId, firstName: 'A', lastName: 'Futur', birthDate: '2999-01-01' } },
        msp.as.secretary,
      );
      expect(refusal(result)).toMatchObject({ field: 'input.birthDate' });
      const search = await directory.gql(
        `query($s: ID!) { searchPatients(structureId: $s) { id } }`,
        { s: msp.structureId },
        msp.as.secretary,
      );
      expect(refusal(search)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    });
  });

  describe('events', () => {
    it('publishes member and patient events with opaque ids and no identity', async () => {
      const patientName = `Zoé${uniqueSuffix()}`;
      const patient = {
        structureId: msp.structureId,
        firstName: patientName,
        lastName: `Secret${uniqueSuffix()}`,
        birthDate: '1975-05-17',
        phone: '06 98 76 54 32',
        email: `zoe-${uniqueSuffix()}@example.org`,
      };
      const { registerPatient } = await directory.ok<{ registerPatient: { id: string } }>(
        REGISTER,
        { input: patient },
        msp.as.secretary,
      );
      await directory.ok(
        `mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { id } }`,
        { input: { patientId: registerPatient.id, phone: '06 11 22 33 44' } },
        msp.as.secretary,
      );
      const newcomer = member();
      const { addMember } = await directory.ok<{ addMember: { id: string } }>(
        ADD_MEMBER,
        { input: newcomer },
        msp.admin,
      );

      const seen: Array<{ type: string; key: string; value: string }> = [];
      const consumer = new Kafka({
        clientId: 'directory-spec',
        brokers: testKafkaBrokers(),
        logLevel: logLevel.NOTHING,
      }).consumer({ groupId: `directory-spec-${randomUUID()}` });
      await consumer.connect();
      await consumer.subscribe({ topic: TOPICS.directory, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          seen.push({ type: String(message.headers?.ce_type), key: String(message.key), value: String(message.value) });
        },
      });
      try {
        await expectEventually(() => {
          expect(seen.filter((m) => m.key === registerPatient.id).map((m) => m.type)).toEqual([
            'directory.patient.registered.v1',
            'directory.patient.updated.v1',
          ]);
          expect(seen.find((m) => m.key === addMember.id)?.type).toBe('directory.member.joined.v1');
          expect(
            seen.some((m) => m.key === msp.memberIds.medical_assistant && m.type === 'directory.member.joined.v1'),
          ).toBe(true);
        }, 30_000);
      } finally {
        await consumer.disconnect();
      }
      const wire = seen
        .filter((m) => m.key === registerPatient.id || m.key === addMember.id)
        .map((m) => m.value)
        .join('\n');
      expect(wire).toContain(registerPatient.id);
      expect(wire).toContain(addMember.id);
      // Every identity value that was submitted, in the forms the directory stores or could echo (E.164, digits).
      const submitted = [
        patientName,
        patient.lastName,
        patient.birthDate,
        patient.birthDate.split('-').reverse().join('/'),
        patient.email,
        '698765432',
        '611223344',
        newcomer.firstName,
        newcomer.lastName,
        newcomer.email,
      ];
      for (const identity of submitted) expect(wire.toLowerCase()).not.toContain(identity.toLowerCase());
      expect(
        JSON.parse(seen.find((m) => m.type === 'directory.patient.updated.v1' && m.key === registerPatient.id)!.value)
          .changes,
      ).toEqual(['contact']);
      // A delegate's joining names their referent physicians; anyone else's says there are none.
      const joined = (memberId: string) =>
        JSON.parse(seen.find((m) => m.type === 'directory.member.joined.v1' && m.key === memberId)!.value);
      expect(joined(msp.memberIds.medical_assistant)).toMatchObject({ referentId: msp.gpId, backupReferentId: null });
      expect(joined(addMember.id)).toMatchObject({ referentId: null, backupReferentId: null });
    });
  });
});
