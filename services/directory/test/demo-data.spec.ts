import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserContext } from '@msp/auth';
import { freePort } from '@msp/infra';
import {
  createTestDatabase,
  testKafkaBrokers,
  testKeys,
  testServicePrivateKey,
  testServicePublicKeys,
} from '@msp/testing';
import { DirectoryConfig } from '../src/config/directory.config';
import { DEMO_REFERENCE_DATE, generateDemoDirectory } from '../src/demo/demo-directory';
import { startDirectory } from '../src/directory.bootstrap';
import { assertOpeningHours } from '../src/domain/opening-hours';
import { toE164 } from '../src/domain/phone-number';
import { isProfession } from '../src/domain/profession';
import { assertRpps } from '../src/domain/rpps';
import { DirectoryTestApp } from './fixtures/directory-test-app';

const demo = generateDemoDirectory();
const [lices, paimpont] = demo.msps;
const allPatients = demo.msps.flatMap((msp) => msp.patients);
const ageOn = (birthDate: string, on: string) =>
  Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (on.slice(5) < birthDate.slice(5) ? 1 : 0);
const practitionersOf = (msp: typeof lices) => msp.members.filter((m) => m.roles.includes('practitioner'));
const PHYSICIANS: readonly string[] = ['general_practitioner', 'specialist_physician'];

const env = (databaseUrl: string, port: number, flag?: string): NodeJS.ProcessEnv => ({
  PORT: String(port),
  DATABASE_URL: databaseUrl,
  KAFKA_BROKERS: testKafkaBrokers().join(','),
  USER_CONTEXT_PUBLIC_KEY: testKeys().userContext.publicKey,
  SERVICE_PRIVATE_KEY: testServicePrivateKey('directory'),
  SERVICE_PUBLIC_KEYS: testServicePublicKeys(),
  LOG_LEVEL: 'error',
  ...(flag === undefined ? {} : { DIRECTORY_DEMO_DATA: flag }),
});

/** Row counts of every table the loader writes to, outbox included. */
async function tableCounts(db: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'structure',
    'site',
    'member',
    'membership',
    'patient',
    'patient_access_log',
    'outbox_message',
  ]) {
    counts[table] = Number((await db.query(`select count(*) from ${table}`))[0].count);
  }
  return counts;
}

describe('demo data', () => {
  describe('generator', () => {
    it('is deterministic: the same seed gives the same data, another seed other patients', () => {
      expect(generateDemoDirectory()).toEqual(demo);
      expect(JSON.stringify(generateDemoDirectory())).toBe(JSON.stringify(demo));
      const other = generateDemoDirectory(demo.seed + 1);
      expect(other.msps[0].patients).toHaveLength(lices.patients.length);
      expect(other.msps[0].patients).not.toEqual(lices.patients);
      // The team and the documented logins do not depend on the seed.
      expect(other.msps[0].members.map((m) => m.email)).toEqual(lices.members.map((m) => m.email));
    });

    it('describes two MSPs in one CPTS, with valid sites in Ille-et-Vilaine', () => {
      expect(demo.cpts.kind).toBe('CPTS');
      expect(demo.msps.map((m) => m.kind)).toEqual(['MSP', 'MSP']);
      expect(lices.sites).toHaveLength(3);
      expect(paimpont.sites).toHaveLength(1);
      for (const site of demo.msps.flatMap((m) => m.sites)) {
        expect(site.postalCode).toMatch(/^35\d{3}$/);
        expect(site.timeZone).toBe('Europe/Paris');
        expect(site.phoneLines.map((line) => toE164(line, 'line'))).toEqual(
          site.phoneLines.map(() => expect.stringMatching(/^\+33299\d{6}$/)),
        );
        expect(() => assertOpeningHours(site.openingHours, 'openingHours')).not.toThrow();
      }
      // Weekdays 08:00–20:00 on the main site, and Saturday mornings there only.
      expect(lices.sites[0].openingHours).toContainEqual({ weekday: 1, opens: '08:00', closes: '20:00' });
      expect(demo.msps.flatMap((m) => m.sites).filter((s) => s.openingHours.some((r) => r.weekday === 6))).toEqual([
        lices.sites[0],
      ]);
    });

    it('gives the main MSP a pluriprofessional team with valid RPPS numbers, delegates with GP referents', () => {
      const practitioners = practitionersOf(lices);
      expect(practitioners.length).toBeGreaterThanOrEqual(12);
      expect(new Set(practitioners.map((m) => m.profession)).size).toBeGreaterThanOrEqual(6);
      const gps = practitioners.filter((m) => m.profession === 'general_practitioner');
      expect(gps.length).toBeGreaterThanOrEqual(4);
      expect(gps.filter((gp) => gp.siteNames.length === 2).length).toBeGreaterThan(gps.length / 2);

      const everyone = [demo.cpts, ...demo.msps].flatMap((s) => [s.administrator, ...s.members]);
      for (const person of everyone) {
        expect(isProfession(person.profession)).toBe(true);
        expect(person.email).toMatch(/^[a-z0-9.-]+@[a-z-]+\.demo$/);
      }
      for (const m of demo.msps.flatMap((s) => s.members)) {
        if (['general_practitioner', 'midwife', 'pharmacist'].includes(m.profession))
          expect(assertRpps(m.rpps ?? '', 'rpps')).toBe(m.rpps);
      }
      const rpps = demo.msps.flatMap((s) => s.members.map((m) => m.rpps)).filter(Boolean);
      expect(new Set(rpps).size).toBe(rpps.length);
      expect(new Set(demo.msps.flatMap((s) => [s.administrator.email, ...s.members.map((m) => m.email)])).size).toBe(
        demo.msps.reduce((n, s) => n + 1 + s.members.length, 0),
      );

      expect(lices.members.filter((m) => m.roles.includes('secretary'))).toHaveLength(2);
      // Every medical assistant has a referent and a backup referent, two physicians of the same structure, added
      // before them (the loader adds members in order): delegation's demo needs both.
      const assistants = [demo.cpts, ...demo.msps].flatMap((structure) =>
        structure.members.filter((m) => m.roles.includes('medical_assistant')).map((m) => ({ structure, m })),
      );
      expect(assistants.length).toBeGreaterThanOrEqual(1);
      for (const { structure, m: assistant } of assistants) {
        const position = (email?: string) => structure.members.findIndex((m) => m.email === email);
        const physicianEmails = structure.members
          .filter((m) => m.roles.includes('practitioner') && PHYSICIANS.includes(m.profession))
          .map((m) => m.email);
        expect(physicianEmails).toContain(assistant.referentEmail);
        expect(physicianEmails).toContain(assistant.backupReferentEmail);
        expect(assistant.backupReferentEmail).not.toBe(assistant.referentEmail);
        expect(position(assistant.referentEmail)).toBeLessThan(position(assistant.email));
        expect(position(assistant.backupReferentEmail)).toBeLessThan(position(assistant.email));
      }

      // MSP members who also work for the CPTS are the same people (same e-mail).
      const mspEmails = new Set(demo.msps.flatMap((s) => s.members.map((m) => m.email)));
      expect(demo.cpts.members.every((m) => mspEmails.has(m.email))).toBe(true);
      expect(demo.cpts.members.find((m) => m.roles.includes('coordinator'))?.profession).toBe('general_practitioner');
    });

    it('gives patients French identities across all ages, valid phones and a GP of their own MSP', () => {
      expect(lices.patients).toHaveLength(500);
      expect(paimpont.patients).toHaveLength(60);
      const ages = lices.patients.map((p) => ageOn(p.birthDate, DEMO_REFERENCE_DATE));
      expect(Math.min(...ages)).toBeLessThan(5);
      expect(Math.max(...ages)).toBeGreaterThanOrEqual(90);
      expect(ages.filter((age) => age >= 75).length).toBeGreaterThanOrEqual(60);
      expect(lices.patients.filter((p) => /[À-ÿ]/.test(p.firstName + p.lastName)).length).toBeGreaterThan(50);
      expect(new Set(lices.patients.map((p) => p.lastName)).size).toBeGreaterThan(60);

      const phones = allPatients.map((p) => p.phone).filter((phone): phone is string => phone !== null);
      const e164 = phones.map((phone) => toE164(phone, 'phone'));
      expect(e164.every((phone) => /^\+33[1-9]\d{8}$/.test(phone))).toBe(true);
      expect(phones.filter((phone) => /^0[67]/.test(phone)).length).toBeGreaterThan(phones.length * 0.8);
      // Unique but for members of one household sharing a number.
      const shared = [...new Set(e164)].filter((phone) => e164.indexOf(phone) !== e164.lastIndexOf(phone));
      for (const phone of shared) {
        const holders = allPatients.filter((p) => p.phone && toE164(p.phone, 'phone') === phone);
        expect(new Set(holders.map((p) => p.lastName)).size).toBeLessThanOrEqual(2);
      }

      for (const msp of demo.msps) {
        const gps = new Set(msp.members.filter((m) => m.profession === 'general_practitioner').map((m) => m.email));
        expect(msp.patients.every((p) => p.medecinTraitantEmail === null || gps.has(p.medecinTraitantEmail))).toBe(
          true,
        );
        expect(msp.patients.filter((p) => p.medecinTraitantEmail).length).toBeGreaterThan(msp.patients.length * 0.85);
      }
      expect(lices.patients.filter((p) => p.consentToReminders).length).toBeGreaterThan(400);
      expect(lices.patients.some((p) => p.passThrough)).toBe(true);
      expect(lices.patients.some((p) => p.prefersHuman)).toBe(true);
      expect(lices.patients.filter((p) => p.email).length).toBeGreaterThan(50);
    });

    it('puts about a fifth of the adults in ALD, more among the elderly, some under 75 (the concertation demo)', () => {
      const aged = allPatients.map((p) => ({ age: ageOn(p.birthDate, DEMO_REFERENCE_DATE), inAld: p.inAld }));
      const share = (group: typeof aged) => group.filter((p) => p.inAld).length / group.length;
      const adults = aged.filter((p) => p.age >= 18);
      const elderly = aged.filter((p) => p.age >= 75);
      expect(share(adults)).toBeGreaterThan(0.15);
      expect(share(adults)).toBeLessThan(0.25);
      expect(share(elderly)).toBeGreaterThan(0.35);
      expect(share(elderly)).toBeGreaterThan(2 * share(adults.filter((p) => p.age < 75)));
      expect(aged.filter((p) => p.inAld && p.age < 75).length).toBeGreaterThan(20);
    });
  });

  describe('DIRECTORY_DEMO_DATA', () => {
    const url = 'postgres://u:p@localhost:5432/db';
    it('defaults to skip, accepts load and skip, and names the variable otherwise', () => {
      const config = (flag?: string) =>
        DirectoryConfig.fromEnv({ ...env(url, 4101, flag), KAFKA_BROKERS: 'localhost:9092' });
      expect(config().loadDemoData).toBe(false);
      expect(config('skip').loadDemoData).toBe(false);
      expect(config('load').loadDemoData).toBe(true);
      expect(config('load').toJSON()).toMatchObject({ loadDemoData: true });
      expect(() => config('yes')).toThrow(/DIRECTORY_DEMO_DATA: must be "load" or "skip"/);
    });
  });

  describe('loaded at boot into an empty directory', () => {
    let directory: DirectoryTestApp;
    let db: DataSource;
    const admin = async (email: string, structureId: string): Promise<UserContext> => {
      const [{ id }] = await db.query('select id from member where email = $1', [email]);
      return { memberId: id, memberships: [{ structureId, roles: ['administrator'], siteIds: [] }] };
    };
    const structureId = async (name: string): Promise<string> =>
      (await db.query('select id from structure where name = $1', [name]))[0].id;

    beforeAll(async () => {
      directory = await DirectoryTestApp.start('demo', { DIRECTORY_DEMO_DATA: 'load' });
      db = directory.get(DataSource);
    }, 120_000);

    afterAll(() => directory?.stop());

    it('creates the two MSPs inside the CPTS', async () => {
      const rows: Array<{ kind: string; name: string; cpts: string | null }> = await db.query(
        'select s.kind, s.name, c.name as cpts from structure s left join structure c on c.id = s.cpts_id order by s.kind, s.name',
      );
      expect(rows).toHaveLength(3);
      expect(rows).toEqual(
        expect.arrayContaining([
          { kind: 'CPTS', name: demo.cpts.name, cpts: null },
          { kind: 'MSP', name: lices.name, cpts: demo.cpts.name },
          { kind: 'MSP', name: paimpont.name, cpts: demo.cpts.name },
        ]),
      );
    });

    it('shows the main MSP, its sites and its team to its administrator', async () => {
      const id = await structureId(lices.name);
      const { structure } = await directory.ok<{
        structure: {
          kind: string;
          cpts: { name: string };
          sites: Array<{
            postalCode: string;
            timeZone: string;
            phoneLines: string[];
            openingHours: Array<{ weekday: number }>;
          }>;
          members: Array<{
            id: string;
            email: string;
            profession: string;
            rpps: string | null;
            memberships: Array<{
              roles: string[];
              referent: { id: string; profession: string } | null;
              backupReferent: { id: string; profession: string } | null;
            }>;
          }>;
        };
      }>(
        `query($id: ID!) { structure(id: $id) { kind cpts { name }
           sites { postalCode timeZone phoneLines openingHours { weekday opens closes } }
           members { id email profession rpps memberships { roles referent { id profession } backupReferent { id profession } } } } }`,
        { id },
        await admin('admin@msp-lices.demo', id),
      );
      expect(structure.kind).toBe('MSP');
      expect(structure.cpts.name).toBe(demo.cpts.name);
      expect(structure.sites).toHaveLength(3);
      for (const site of structure.sites) {
        expect(site.timeZone).toBe('Europe/Paris');
        expect(site.postalCode).toMatch(/^35\d{3}$/);
        expect(site.phoneLines.every((line) => /^\+33299\d{6}$/.test(line))).toBe(true);
      }
      expect(structure.sites.some((s) => s.openingHours.some((r) => r.weekday === 6))).toBe(true);

      const withRole = (role: string) => structure.members.filter((m) => m.memberships[0].roles.includes(role));
      const practitioners = withRole('practitioner');
      expect(practitioners.length).toBeGreaterThanOrEqual(12);
      expect(new Set(practitioners.map((m) => m.profession)).size).toBeGreaterThanOrEqual(6);
      expect(
        practitioners
          .filter((m) => m.profession === 'general_practitioner')
          .every((gp) => gp.rpps && /^\d{11}$/.test(gp.rpps)),
      ).toBe(true);
      expect(withRole('secretary')).toHaveLength(2);
      const assistants = withRole('medical_assistant');
      expect(assistants).toHaveLength(1);
      expect(assistants[0].memberships[0].referent?.profession).toBe('general_practitioner');
      expect(assistants[0].memberships[0].backupReferent?.profession).toBe('general_practitioner');
      // Delegation learns the pair from the membership's event.
      const [joined] = await db.query(
        `select payload from outbox_message where event_type = 'directory.member.joined.v1' and message_key = $1`,
        [assistants[0].id],
      );
      expect(JSON.parse(joined.payload)).toMatchObject({
        referentId: assistants[0].memberships[0].referent?.id,
        backupReferentId: assistants[0].memberships[0].backupReferent?.id,
      });
      expect(withRole('coordinator').map((m) => m.email)).toEqual(['coordination@msp-lices.demo']);
      expect(withRole('administrator').map((m) => m.email)).toEqual(['admin@msp-lices.demo']);
    });

    it('makes a GP of the main MSP a coordinator in the CPTS too, next to its own administrator-coordinator', async () => {
      const id = await structureId(demo.cpts.name);
      const { structure } = await directory.ok<{
        structure: { members: Array<{ email: string; memberships: Array<{ roles: string[] }> }> };
      }>(
        `query($id: ID!) { structure(id: $id) { members { email memberships { roles } } } }`,
        { id },
        await admin(demo.cpts.administrator.email, id),
      );
      const roles = Object.fromEntries(structure.members.map((m) => [m.email, [...m.memberships[0].roles].sort()]));
      expect(roles[demo.cpts.administrator.email]).toEqual(['administrator', 'coordinator']);
      expect(roles['dr.le-gall@msp-lices.demo']).toEqual(['coordinator', 'practitioner']);
      expect(structure.members).toHaveLength(demo.cpts.members.length + 1);
      // The same person, not a copy: one member row, two memberships.
      const [{ count }] = await db.query(
        `select count(*) from membership ms join member m on m.id = ms.member_id where m.email = 'dr.le-gall@msp-lices.demo'`,
      );
      expect(Number(count)).toBe(2);
    });

    it('registers the patients through the handlers: E.164 phones, GPs of their MSP, access log and events', async () => {
      const liceId = await structureId(lices.name);
      const perStructure: Array<{ name: string; count: string }> = await db.query(
        'select s.name, count(p.id) as count from structure s join patient p on p.structure_id = s.id group by s.name',
      );
      expect(Object.fromEntries(perStructure.map((row) => [row.name, Number(row.count)]))).toEqual({
        [lices.name]: lices.patients.length,
        [paimpont.name]: paimpont.patients.length,
      });
      const [{ bad }] = await db.query(
        `select count(*) as bad from patient where phone is not null and phone !~ '^\\+33[1-9][0-9]{8}$'`,
      );
      expect(Number(bad)).toBe(0);
      const [{ wrong }] = await db.query(
        `select count(*) as wrong from patient p left join membership ms on ms.member_id = p.medecin_traitant_id and ms.structure_id = p.structure_id
         left join member m on m.id = p.medecin_traitant_id
         where p.medecin_traitant_id is not null and (ms.member_id is null or m.profession <> 'general_practitioner')`,
      );
      expect(Number(wrong)).toBe(0);

      const [{ count: ageing }] = await db.query(
        `select count(*) from patient where structure_id = $1 and birth_date <= $2::date - interval '75 years'`,
        [liceId, DEMO_REFERENCE_DATE],
      );
      expect(Number(ageing)).toBeGreaterThanOrEqual(60);

      // A secretary finds a demo patient through the API, by birth date.
      const [{ id: secretaryId }] = await db.query(`select id from member where email = 'secretariat@msp-lices.demo'`);
      const sample = lices.patients[0];
      const { searchPatients } = await directory.ok<{
        searchPatients: Array<{ lastName: string; phone: string | null }>;
      }>(
        `query($s: ID!, $b: String!) { searchPatients(structureId: $s, birthDate: $b) { lastName phone } }`,
        { s: liceId, b: sample.birthDate },
        { memberId: secretaryId, memberships: [{ structureId: liceId, roles: ['secretary'], siteIds: [] }] },
      );
      expect(searchPatients).toContainEqual({
        lastName: sample.lastName,
        phone: sample.phone && toE164(sample.phone, 'phone'),
      });

      const events: Array<{ event_type: string; count: string }> = await db.query(
        'select event_type, count(*) as count from outbox_message group by event_type order by event_type',
      );
      const people = [demo.cpts, ...demo.msps].reduce((n, s) => n + 1 + s.members.length, 0);
      expect(Object.fromEntries(events.map((e) => [e.event_type, Number(e.count)]))).toEqual({
        'directory.member.joined.v1': people,
        'directory.member.updated.v1': 1,
        'directory.patient.registered.v1': allPatients.length,
        'directory.site.opened.v1': demo.msps.reduce((n, s) => n + s.sites.length, 0),
      });
      const [{ count: logged }] = await db.query(
        `select count(*) from patient_access_log where operation = 'registerPatient'`,
      );
      expect(Number(logged)).toBe(allPatients.length);
    });

    it('records the ALD flags through the handler, by the registrar, access-logged and announced nowhere', async () => {
      const inAld = allPatients.filter((p) => p.inAld).length;
      const [{ flagged, by_registrar }] = await db.query(
        `select count(*) as flagged,
                count(*) filter (where m.email like 'secretariat@%') as by_registrar
           from patient p join member m on m.id = p.ald_changed_by where p.in_ald`,
      );
      expect([Number(flagged), Number(by_registrar)]).toEqual([inAld, inAld]);
      const [{ count: logged }] = await db.query(
        `select count(*) from patient_access_log where operation = 'setPatientAld'`,
      );
      expect(Number(logged)).toBe(inAld);
      const [{ count: carrying }] = await db.query(`select count(*) from outbox_message where payload ~* 'ald'`);
      expect(Number(carrying)).toBe(0);
    });

    it('loads nothing when the service boots again on the same database', async () => {
      const before = await tableCounts(db);
      const databaseUrl = (db.options as { url: string }).url;
      const again = await startDirectory(DirectoryConfig.fromEnv(env(databaseUrl, await freePort(), 'load')));
      await again.close();
      expect(await tableCounts(db)).toEqual(before);
    }, 60_000);
  });

  it('loads nothing when the flag is off (the default)', async () => {
    const directory = await DirectoryTestApp.start('demo-off');
    try {
      const db = directory.get(DataSource);
      expect(await tableCounts(db)).toMatchObject({ structure: 0, member: 0, patient: 0, outbox_message: 0 });
    } finally {
      await directory.stop();
    }
  }, 60_000);

  it('loads the demo data once when two replicas boot together on an empty database', async () => {
    const database = await createTestDatabase('demo-replicas');
    const apps: INestApplication[] = [];
    try {
      const booted = await Promise.allSettled([
        startDirectory(DirectoryConfig.fromEnv(env(database.url, await freePort(), 'load'))),
        startDirectory(DirectoryConfig.fromEnv(env(database.url, await freePort(), 'load'))),
      ]);
      for (const result of booted) if (result.status === 'fulfilled') apps.push(result.value);
      expect(booted.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
      const counts = await tableCounts(apps[0].get(DataSource));
      expect(counts).toMatchObject({ structure: 3, patient: allPatients.length, site: 4 });
    } finally {
      for (const app of apps) await app.close();
      await database.drop();
    }
  }, 120_000);
});
