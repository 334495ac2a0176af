import { encode } from 'iconv-lite';
import { uniqueSuffix } from '@msp/testing';
import { DirectoryTestApp, type GraphQLResult } from './fixtures/directory-test-app';
import { newRpps } from './fixtures/rpps';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

const IMPORT_MEMBERS = `mutation($input: ImportDirectoryFileInput!) {
  importMembers(input: $input) { ok imported errors { line column message } duplicates { line column message } }
}`;
const IMPORT_PATIENTS = `mutation($input: ImportDirectoryFileInput!) {
  importPatients(input: $input) { ok imported errors { line column message } duplicates { line column message } }
}`;

interface Outcome {
  ok: boolean;
  imported: number;
  errors: Array<{ line: number; column: string | null; message: string }>;
  duplicates: Array<{ line: number; column: string | null; message: string }>;
}

const base64 = (bytes: Uint8Array | string) =>
  Buffer.from(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes).toString('base64');

/** A valid INS: a NIR (13 characters) and its key 97 − (NIR mod 97). */
function ins(nir: string): string {
  return `${nir}${String(97n - (BigInt(nir) % 97n)).padStart(2, '0')}`;
}

describe('importing members and patients from French spreadsheets (CSV)', () => {
  let directory: DirectoryTestApp;
  let msp: SeededStructure;
  let gpRpps: string;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await directory.sql<{ count: string }>(sql, params))[0].count);

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory-import');
    msp = await seedStructure(directory, `MSP de Redon ${uniqueSuffix()}`);
    gpRpps = newRpps();
    await directory.sql(`update member set rpps = $2 where id = $1`, [msp.gpId, gpRpps]);
  });

  afterAll(() => directory?.stop());

  const importMembers = async (csv: Uint8Array | string) =>
    (
      await directory.ok<{ importMembers: Outcome }>(
        IMPORT_MEMBERS,
        { input: { structureId: msp.structureId, csvBase64: base64(csv) } },
        msp.admin,
      )
    ).importMembers;
  const importPatients = async (csv: Uint8Array | string) =>
    (
      await directory.ok<{ importPatients: Outcome }>(
        IMPORT_PATIENTS,
        { input: { structureId: msp.structureId, csvBase64: base64(csv) } },
        msp.admin,
      )
    ).importPatients;
  const memberships = () => count(`select count(*) from membership where structure_id = $1`, [msp.structureId]);
  const patients = () => count(`select count(*) from patient where structure_id = $1`, [msp.structureId]);
  const events = () => count(`select count(*) from outbox_message`);

  describe('members', () => {
    it('imports a team as a spreadsheet saves it (UTF-8 with BOM, French headers and labels), each through addMember', async () => {
      const tag = uniqueSuffix();
      const practitionerRpps = newRpps();
      const csv =
        '\ufeffNom;Prénom;E-mail;Profession;N° RPPS;Rôles;Sites;RPPS du référent\r\n' +
        `Morvan;Anne;anne-${tag}@msp.test;Médecin généraliste;${practitionerRpps};praticien, coordinateur;${msp.siteId ? 'MSP' : ''};\r\n` +
        `Guillou;Marc;marc-${tag}@msp.test;Assistant médical;;assistant médical;;${practitionerRpps}\r\n` +
        `Le Bihan;Soizic;soizic-${tag}@msp.test;secretaire_medicale;;secrétaire;;\r\n` +
        ';;;;;;;\r\n';
      const site = (await directory.sql<{ name: string }>(`select name from site where id = $1`, [msp.siteId]))[0].name;
      const result = await importMembers(csv.replace(';MSP;', `;${site};`));
      expect(result).toEqual({ ok: true, imported: 3, errors: [], duplicates: [] });
      const joined = (await directory.events('directory.member.joined.v1')).filter((e) =>
        String(e.rpps ?? '').startsWith(practitionerRpps),
      );
      expect(joined).toEqual([
        expect.objectContaining({ roles: ['practitioner', 'coordinator'], siteIds: [msp.siteId] }),
      ]);
      const [assistant] = await directory.sql<{ referent_id: string; rpps: string }>(
        `select ms.referent_id, p.rpps from membership ms join member m on m.id = ms.member_id
           join member p on p.id = ms.referent_id where m.email = $1`,
        [`marc-${tag}@msp.test`],
      );
      expect(assistant.rpps).toBe(practitionerRpps);

      // Imported again: everyone is a duplicate, reported and left out; nothing written.
      const before = [await memberships(), await events()];
      const again = await importMembers(csv.replace(';MSP;', `;${site};`));
      expect(again).toMatchObject({ ok: true, imported: 0, errors: [] });
      expect(again.duplicates.map((d) => [d.line, d.column])).toEqual([
        [2, 'rpps'],
        [3, 'email'],
        [4, 'email'],
      ]);
      expect([await memberships(), await events()]).toEqual(before);
    });

    it('one bad line among many writes nothing and reports that line, its column and why', async () => {
      const tag = uniqueSuffix();
      const lines = Array.from(
        { length: 40 },
        (_, i) => `Nom${i};Prénom${i};m${i}-${tag}@msp.test;infirmière;${newRpps()};praticien`,
      );
      lines[26] = `Nom26;Prénom26;pas-une-adresse;infirmière;${newRpps()};praticien`;
      const before = [await memberships(), await events()];
      const result = await importMembers(['nom;prenom;email;profession;rpps;roles', ...lines].join('\r\n'));
      expect(result.ok).toBe(false);
      expect(result.imported).toBe(0);
      expect(result.errors).toEqual([
        {
          line: 28,
          column: 'email',
          message: 'Ligne 28, colonne « email » : « pas-une-adresse » n’est pas une adresse e-mail.',
        },
      ]);
      expect([await memberships(), await events()]).toEqual(before);
    });

    it('refuses a person twice in the file, naming both lines, and a header without a required column', async () => {
      const rpps = newRpps();
      const tag = uniqueSuffix();
      const twice = await importMembers(
        `nom;prenom;email;profession;rpps;roles\nA;B;a-${tag}@x.test;nurse;${rpps};praticien\nC;D;c-${tag}@x.test;nurse;${rpps};praticien\n`,
      );
      expect(twice.errors).toEqual([
        expect.objectContaining({ line: 3, column: 'rpps', message: expect.stringContaining('ligne 2') }),
      ]);
      const header = await importMembers(`nom;prenom;email;rpps\nA;B;a@x.test;\n`);
      expect(header.errors).toEqual([expect.objectContaining({ line: 1, column: 'profession' })]);
    });
  });

  describe('patients', () => {
    it('accepts the practice software’s French export: Windows-1252, `;`, CRLF, DD/MM/YYYY, INS and médecin traitant', async () => {
      const tag = uniqueSuffix().replace(/\d/g, '');
      const csv =
        'Nom;Prénom;Date de naissance;Téléphone;INS;Médecin traitant RPPS;Rappels SMS\r\n' +
        `Lœwy${tag};Agnès;02/03/1948;06 12 34 56 78;${ins('2480375123456')};${gpRpps};oui\r\n` +
        `Le Dû${tag};François;29/02/2024;;;;non\r\n` +
        `Hervé${tag};Maëlys;1/7/1990;02 99 00 11 22;;;\r\n`;
      const bytes = encode(csv, 'windows-1252');
      expect(Buffer.from(bytes).includes(0xe9)).toBe(true); // é as one Windows-1252 byte
      const before = await patients();
      const result = await importPatients(bytes);
      expect(result).toEqual({ ok: true, imported: 3, errors: [], duplicates: [] });
      expect(await patients()).toBe(before + 3);
      const rows = await directory.sql<Record<string, string | boolean>>(
        `select first_name, last_name, birth_date::text as birth, phone, ins, medecin_traitant_id, consent_to_reminders
           from patient where structure_id = $1 and last_name like $2 order by birth_date`,
        [msp.structureId, `%${tag}`],
      );
      expect(rows).toEqual([
        {
          first_name: 'Agnès',
          last_name: `Lœwy${tag}`,
          birth: '1948-03-02',
          phone: '+33612345678',
          ins: ins('2480375123456'),
          medecin_traitant_id: msp.gpId,
          consent_to_reminders: true,
        },
        expect.objectContaining({ first_name: 'Maëlys', birth: '1990-07-01', phone: '+33299001122', ins: null }),
        expect.objectContaining({ first_name: 'François', birth: '2024-02-29', consent_to_reminders: false }),
      ]);
      // Each one through registerPatient: its event and the importer's access-log row.
      expect(
        await count(`select count(*) from patient_access_log where operation = 'importPatients' and member_id = $1`, [
          msp.memberIds.administrator,
        ]),
      ).toBeGreaterThanOrEqual(3);

      // Duplicates: the same INS under another spelling, the same names and birth date without INS.
      const again = await importPatients(
        encode(
          'Nom;Prénom;Date de naissance;INS\r\n' +
            `LOEWY${tag};Agnes;02/03/1948;${ins('2480375123456')}\r\n` +
            `le du${tag};francois;29/02/2024;\r\n` +
            `Nouveau${tag};Jean;15/08/1975;\r\n`,
          'windows-1252',
        ),
      );
      expect(again).toMatchObject({ ok: true, imported: 1, errors: [] });
      expect(again.duplicates.map((d) => [d.line, d.column])).toEqual([
        [2, 'ins'],
        [3, null],
      ]);
    });

    it('one bad line among many writes nothing and reports that line (an impossible date)', async () => {
      const tag = uniqueSuffix().replace(/\d/g, '');
      const lines = Array.from(
        { length: 60 },
        (_, i) => `Patient${tag};N${i};${String((i % 28) + 1).padStart(2, '0')}/05/1960`,
      );
      lines[41] = `Patient${tag};N41;31/02/1960`;
      const before = [await patients(), await events()];
      const result = await importPatients(['nom;prénom;date de naissance', ...lines].join('\r\n'));
      expect(result).toMatchObject({ ok: false, imported: 0, duplicates: [] });
      expect(result.errors).toEqual([
        {
          line: 43,
          column: 'date_naissance',
          message: 'Ligne 43, colonne « date de naissance » : « 31/02/1960 » n’est pas une date JJ/MM/AAAA.',
        },
      ]);
      expect([await patients(), await events()]).toEqual(before);
    });

    it('reports a patient twice in the file, an unknown médecin traitant and a bad INS key, all at once', async () => {
      const tag = uniqueSuffix().replace(/\d/g, '');
      const badKey = ins('1750575123456').slice(0, 13) + '00';
      const result = await importPatients(
        'nom;prenom;date_naissance;ins;medecin_traitant_rpps\n' +
          `Dup${tag};Anne;01/01/1950;;\n` +
          `DUP${tag};anne;01/01/1950;;\n` +
          `Autre${tag};Luc;02/02/1960;${badKey};\n` +
          `Encore${tag};Léa;03/03/1970;;${newRpps()}\n`,
      );
      expect(result.ok).toBe(false);
      expect(result.errors.map((e) => [e.line, e.column])).toEqual([
        [3, null],
        [4, 'ins'],
        [5, 'medecin_traitant_rpps'],
      ]);
    });

    it('is for administrators: a secretary is refused, another structure answers NOT_FOUND', async () => {
      const other = await seedStructure(directory, `MSP voisine ${uniqueSuffix()}`);
      const input = { structureId: msp.structureId, csvBase64: base64('nom;prenom;date_naissance\nA;B;01/01/1950\n') };
      const asSecretary: GraphQLResult = await directory.gql(IMPORT_PATIENTS, { input }, msp.as.secretary);
      expect(asSecretary.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
      const asOther: GraphQLResult = await directory.gql(IMPORT_MEMBERS, { input }, other.admin);
      expect(asOther.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      const notBase64: GraphQLResult = await directory.gql(
        IMPORT_PATIENTS,
        { input: { ...input, csvBase64: 'pas du base64 !' } },
        msp.admin,
      );
      expect(notBase64.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csvBase64' });
    });
  });
});
