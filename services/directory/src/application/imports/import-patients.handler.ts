import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { normaliseHeaderName, parseFrenchDate } from '@msp/french-csv';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { toE164 } from '../../domain/phone-number';
import { assertRpps } from '../../domain/rpps';
import { searchText } from '../../domain/search-text';
import { PatientAccessLogger } from '../patients/patient-access-logger';
import { checkIns } from '../patients/patient-fields';
import { RegisterPatientHandler, type RegisterPatientInput } from '../patients/register-patient.handler';
import { PERMISSIONS } from '../permissions';
import { MemberRepository } from '../ports/member.repository';
import { PatientRepository } from '../ports/patient.repository';
import {
  type ColumnSpec,
  type DirectoryImportOutcome,
  failed,
  ImportRefused,
  type ImportLineError,
  type ImportRow,
  lineErrorOf,
  quoted,
  readImportTable,
} from './directory-csv';

export const PATIENT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'nom', aliases: ['nom_de_famille', 'nom_d_usage', 'nom_de_naissance'], required: true },
  { name: 'prenom', required: true },
  { name: 'date_naissance', aliases: ['date_de_naissance', 'ne_e_le', 'ne_le', 'naissance', 'ddn'], required: true },
  { name: 'telephone', aliases: ['tel', 'portable', 'telephone_portable', 'mobile', 'n_telephone'], required: false },
  { name: 'email', aliases: ['e_mail', 'courriel', 'mail', 'adresse_e_mail', 'adresse_mail'], required: false },
  { name: 'ins', aliases: ['matricule_ins', 'numero_ins', 'ins_matricule'], required: false },
  { name: 'consentement_rappels', aliases: ['rappels', 'rappels_sms', 'consentement_sms'], required: false },
  { name: 'medecin_traitant_rpps', aliases: ['rpps_medecin_traitant', 'mt_rpps', 'rpps_mt'], required: false },
];

const YES = new Set(['oui', 'o', 'yes', 'y', 'vrai', 'true', '1', 'x']);
const NO = new Set(['non', 'n', 'no', 'faux', 'false', '0', '']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface PatientLine {
  row: ImportRow;
  input: RegisterPatientInput;
  medecinTraitantRpps: string | null;
}

const identityKey = (p: { lastName: string; firstName: string; birthDate: string }) =>
  `${searchText(`${p.lastName} ${p.firstName}`)}|${p.birthDate}`;

/**
 * A structure's administrator imports its patient base from the practice software's export
 * (docs/directory-import.md): every line checked, all or nothing. A line matching a patient of the structure — same
 * INS, or same names (without case or accents) and birth date — is a duplicate: reported, left out. Two lines of the
 * file for one patient are an error. Each remaining line is the `registerPatient` use case (same rules, access log,
 * `patient.registered` event), in one transaction. The duplicates' report repeats what the file says and names no
 * patient of the structure: an administrator does not browse patients (docs/security.md).
 */
@Injectable()
export class ImportPatientsHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly patients: PatientRepository,
    private readonly members: MemberRepository,
    private readonly accessLog: PatientAccessLogger,
    private readonly registerPatient: RegisterPatientHandler,
  ) {}

  async execute(
    user: UserContext,
    input: { structureId: string; csvBase64: string | null },
  ): Promise<DirectoryImportOutcome> {
    assertStructureAccess(user, input.structureId, PERMISSIONS.importDirectory);
    const table = readImportTable(input.csvBase64, PATIENT_COLUMNS);
    if (!table.ok) return failed(table.errors);
    const errors: ImportLineError[] = [];
    const lines = table.rows.flatMap((row) => this.patientLine(row, input.structureId, errors) ?? []);
    checkRepeats(lines, errors);
    const gps = new Map(
      (
        await this.members.currentMembers({ structureIds: [input.structureId], profession: 'general_practitioner' })
      ).flatMap((m) => (m.member.rpps ? [[m.member.rpps, m.member.id] as const] : [])),
    );
    for (const { row, medecinTraitantRpps } of lines)
      if (medecinTraitantRpps && !gps.has(medecinTraitantRpps))
        errors.push(
          row.error(
            'medecin_traitant_rpps',
            `${quoted(medecinTraitantRpps)} n’est le RPPS d’aucun médecin généraliste de la structure.`,
          ),
        );
    if (errors.length) return failed(errors);

    try {
      return await this.transactions.run(async () => {
        const found = await this.patients.duplicatesOf(
          input.structureId,
          lines.map(({ input: p }) => ({
            lastName: p.lastName,
            firstName: p.firstName,
            birthDate: p.birthDate,
            ins: p.ins ?? null,
          })),
        );
        // The match read identities of the structure: logged like any read, though only line numbers leave.
        if (found.length) await this.accessLog.record(user, found, 'importPatients:duplicates');
        const knownKeys = new Set(found.map(identityKey));
        const knownIns = new Set(found.flatMap((p) => (p.ins ? [p.ins] : [])));
        const duplicates: ImportLineError[] = [];
        let imported = 0;
        for (const { row, input: patient, medecinTraitantRpps } of lines) {
          if (patient.ins && knownIns.has(patient.ins)) {
            duplicates.push(row.error('ins', 'un patient de la structure a déjà cet INS : ligne ignorée.'));
            continue;
          }
          if (knownKeys.has(identityKey(patient))) {
            duplicates.push(
              row.error(
                null,
                'un patient de la structure a déjà ces nom, prénom et date de naissance : ligne ignorée.',
              ),
            );
            continue;
          }
          const medecinTraitantId = medecinTraitantRpps ? (gps.get(medecinTraitantRpps) ?? null) : null;
          await this.registerPatient
            .register(user, { ...patient, medecinTraitantId }, 'importPatients')
            .catch((error: unknown) => {
              throw new ImportRefused(lineErrorOf(row, error, patientColumnOf));
            });
          imported += 1;
        }
        return { ok: true, imported, errors: [], duplicates };
      });
    } catch (error) {
      if (error instanceof ImportRefused) return failed([error.lineError]);
      throw error;
    }
  }

  private patientLine(row: ImportRow, structureId: string, errors: ImportLineError[]): PatientLine | null {
    const before = errors.length;
    const required = (column: string) => {
      const value = row.cell(column);
      if (!value) errors.push(row.error(column, 'la cellule est vide ; elle est obligatoire.'));
      else if (value.length > 100) errors.push(row.error(column, 'plus de 100 caractères.'));
      return value;
    };
    const lastName = required('nom');
    const firstName = required('prenom');
    const birthCell = row.cell('date_naissance');
    const birthDate = parseFrenchDate(birthCell);
    const today = this.clock.now().toISOString().slice(0, 10);
    if (!birthCell) errors.push(row.error('date_naissance', 'la cellule est vide ; elle est obligatoire.'));
    else if (!birthDate)
      errors.push(row.error('date_naissance', `${quoted(birthCell)} n’est pas une date JJ/MM/AAAA.`));
    else if (birthDate > today) errors.push(row.error('date_naissance', `${quoted(birthCell)} est dans le futur.`));
    else if (birthDate < '1900-01-01') errors.push(row.error('date_naissance', `${quoted(birthCell)} est avant 1900.`));
    const phoneCell = row.cell('telephone');
    let phone: string | null = null;
    if (phoneCell) {
      try {
        phone = toE164(phoneCell, 'telephone');
      } catch {
        errors.push(row.error('telephone', `${quoted(phoneCell)} n’est pas un numéro de téléphone.`));
      }
    }
    const email = row.cell('email').toLowerCase() || null;
    if (email && !EMAIL.test(email))
      errors.push(row.error('email', `${quoted(row.cell('email'))} n’est pas une adresse e-mail.`));
    const insCell = row.cell('ins');
    let ins: string | null = null;
    if (/e\+/i.test(insCell))
      errors.push(
        row.error(
          'ins',
          `${quoted(insCell)} : le tableur a converti l’INS en nombre ; mettez la colonne au format Texte.`,
        ),
      );
    else if (insCell) {
      try {
        ins = checkIns(insCell, 'ins');
      } catch {
        errors.push(
          row.error('ins', `${quoted(insCell)} n’est pas un INS (15 caractères : NIR et clé, clé vérifiée).`),
        );
      }
    }
    const consentCell = normaliseHeaderName(row.cell('consentement_rappels'));
    if (!YES.has(consentCell) && !NO.has(consentCell))
      errors.push(
        row.error('consentement_rappels', `${quoted(row.cell('consentement_rappels'))} : attendu « oui » ou « non ».`),
      );
    const mtCell = row.cell('medecin_traitant_rpps');
    let medecinTraitantRpps: string | null = null;
    if (mtCell) {
      try {
        medecinTraitantRpps = assertRpps(mtCell, 'medecin_traitant_rpps');
      } catch {
        errors.push(
          row.error(
            'medecin_traitant_rpps',
            `${quoted(mtCell)} n’est pas un numéro RPPS valide (11 chiffres dont une clé de contrôle).`,
          ),
        );
      }
    }
    if (errors.length > before) return null;
    return {
      row,
      medecinTraitantRpps,
      input: {
        structureId,
        lastName,
        firstName,
        birthDate: birthDate as string,
        phone,
        email,
        ins,
        consentToReminders: YES.has(consentCell),
      },
    };
  }
}

/** One patient on two lines (same INS, or same names and birth date): which line is right cannot be guessed. */
function checkRepeats(lines: readonly PatientLine[], errors: ImportLineError[]): void {
  const seenIns = new Map<string, number>();
  const seenIdentity = new Map<string, number>();
  for (const { row, input } of lines) {
    const insLine = input.ins ? seenIns.get(input.ins) : undefined;
    const identityLine = seenIdentity.get(identityKey(input));
    if (insLine) errors.push(row.error('ins', `même INS qu’à la ligne ${insLine} ; une seule ligne par patient.`));
    else if (identityLine)
      errors.push(
        row.error(
          null,
          `mêmes nom, prénom et date de naissance qu’à la ligne ${identityLine} ; une seule ligne par patient.`,
        ),
      );
    if (input.ins && !seenIns.has(input.ins)) seenIns.set(input.ins, row.line);
    if (!seenIdentity.has(identityKey(input))) seenIdentity.set(identityKey(input), row.line);
  }
}

function patientColumnOf(field: string | undefined): string | null {
  switch (field) {
    case 'input.ins':
      return 'ins';
    case 'input.phone':
      return 'telephone';
    case 'input.email':
      return 'email';
    case 'input.birthDate':
      return 'date_naissance';
    case 'input.firstName':
      return 'prenom';
    case 'input.lastName':
      return 'nom';
    case 'input.medecinTraitantId':
      return 'medecin_traitant_rpps';
    default:
      return null;
  }
}
