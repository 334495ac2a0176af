import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type Role, type UserContext } from '@msp/auth';
import { normaliseHeaderName } from '@msp/french-csv';
import { TransactionRunner } from '@msp/persistence';
import { isProfession, type Profession } from '../../domain/profession';
import { assertRpps } from '../../domain/rpps';
import { searchText } from '../../domain/search-text';
import { type AddMemberInput, AddMemberHandler } from '../members/add-member.handler';
import { PERMISSIONS } from '../permissions';
import { MemberRepository } from '../ports/member.repository';
import { SiteRepository } from '../ports/site.repository';
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

export const MEMBER_COLUMNS: readonly ColumnSpec[] = [
  { name: 'nom', aliases: ['nom_de_famille', 'nom_d_usage'], required: true },
  { name: 'prenom', required: true },
  { name: 'email', aliases: ['e_mail', 'courriel', 'mail', 'adresse_e_mail', 'adresse_mail'], required: true },
  { name: 'profession', required: true },
  { name: 'rpps', aliases: ['n_rpps', 'no_rpps', 'numero_rpps'], required: false },
  { name: 'roles', aliases: ['role', 'roles_plateforme'], required: true },
  { name: 'sites', aliases: ['site', 'lieux_d_exercice'], required: false },
  { name: 'referent_rpps', aliases: ['rpps_referent', 'rpps_du_referent', 'medecin_referent_rpps'], required: false },
];

/** French labels a member list may use, normalised, beside the platform's codes (docs/directory-import.md). */
const PROFESSION_LABELS: Record<string, Profession> = {
  medecin_generaliste: 'general_practitioner',
  medecin_specialiste: 'specialist_physician',
  infirmier: 'nurse',
  infirmiere: 'nurse',
  ide: 'nurse',
  infirmier_en_pratique_avancee: 'advanced_practice_nurse',
  infirmiere_en_pratique_avancee: 'advanced_practice_nurse',
  ipa: 'advanced_practice_nurse',
  kinesitherapeute: 'physiotherapist',
  masseur_kinesitherapeute: 'physiotherapist',
  sage_femme: 'midwife',
  pharmacien: 'pharmacist',
  pharmacienne: 'pharmacist',
  psychologue: 'psychologist',
  dieteticien: 'dietitian',
  dieteticienne: 'dietitian',
  podologue: 'podiatrist',
  pedicure_podologue: 'podiatrist',
  orthophoniste: 'speech_therapist',
  ergotherapeute: 'occupational_therapist',
  chirurgien_dentiste: 'dentist',
  dentiste: 'dentist',
  secretaire_medicale: 'medical_secretary',
  secretaire_medical: 'medical_secretary',
  assistant_medical: 'medical_assistant',
  assistante_medicale: 'medical_assistant',
  coordinateur: 'care_coordinator',
  coordinatrice: 'care_coordinator',
  gestionnaire: 'practice_manager',
  directeur: 'practice_manager',
  directrice: 'practice_manager',
};

const ROLE_LABELS: Record<string, Role> = {
  practitioner: 'practitioner',
  praticien: 'practitioner',
  praticienne: 'practitioner',
  secretary: 'secretary',
  secretaire: 'secretary',
  medical_assistant: 'medical_assistant',
  assistant_medical: 'medical_assistant',
  assistante_medicale: 'medical_assistant',
  coordinator: 'coordinator',
  coordinateur: 'coordinator',
  coordinatrice: 'coordinator',
  administrator: 'administrator',
  administrateur: 'administrator',
  administratrice: 'administrator',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Lists inside a cell: "praticien, coordinateur" or "Centre | Annexe". */
const listOf = (cell: string) =>
  cell
    .split(/[,|/+]/)
    .map((part) => part.trim())
    .filter(Boolean);

interface MemberLine {
  row: ImportRow;
  input: AddMemberInput;
  /** A delegate's referent physician, by RPPS: a current member or another line of the file. */
  referentRpps: string | null;
}

/**
 * A structure's administrator imports its team from a spreadsheet (docs/directory-import.md): every line checked,
 * all or nothing. A line naming someone who is already a current member (same RPPS, or same e-mail) is a duplicate:
 * reported and left out, so the same file can be imported twice. Two lines naming one person are an error. Each line
 * that remains is `addMember` — the same handler, rules and `member.joined` event as the GraphQL mutation — in one
 * transaction: a refusal there names its line and writes nothing.
 */
@Injectable()
export class ImportMembersHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly members: MemberRepository,
    private readonly sites: SiteRepository,
    private readonly addMember: AddMemberHandler,
  ) {}

  async execute(
    user: UserContext,
    input: { structureId: string; csvBase64: string | null },
  ): Promise<DirectoryImportOutcome> {
    assertStructureAccess(user, input.structureId, PERMISSIONS.importDirectory);
    const table = readImportTable(input.csvBase64, MEMBER_COLUMNS);
    if (!table.ok) return failed(table.errors);
    const siteByName = new Map(
      (await this.sites.ofStructures([input.structureId])).map((site) => [searchText(site.name), site.id]),
    );
    const errors: ImportLineError[] = [];
    const lines: MemberLine[] = [];
    for (const row of table.rows) {
      const line = this.memberLine(row, input.structureId, siteByName, errors);
      if (line) lines.push(line);
    }
    checkRepeats(lines, errors);
    if (errors.length) return failed(errors);

    const current = await this.members.currentMembers({ structureIds: [input.structureId] });
    const idByRpps = new Map(current.flatMap((m) => (m.member.rpps ? [[m.member.rpps, m.member.id] as const] : [])));
    const rppsInFile = new Set(
      lines.flatMap((l) => (l.input.rpps && l.input.roles.includes('practitioner') ? [l.input.rpps] : [])),
    );
    for (const { row, referentRpps } of lines)
      if (referentRpps && !idByRpps.has(referentRpps) && !rppsInFile.has(referentRpps))
        errors.push(
          row.error(
            'referent_rpps',
            `${quoted(referentRpps)} n’est le RPPS d’aucun praticien de la structure ni d’une autre ligne du fichier.`,
          ),
        );
    if (errors.length) return failed(errors);
    const byRpps = new Set(current.flatMap((m) => (m.member.rpps ? [m.member.rpps] : [])));
    const byEmail = new Set(current.map((m) => m.member.email));
    const duplicates: ImportLineError[] = [];
    const fresh = lines.filter(({ row, input: member }) => {
      if (member.rpps && byRpps.has(member.rpps)) {
        duplicates.push(
          row.error('rpps', `${quoted(member.rpps)} est déjà le RPPS d’un membre de la structure : ligne ignorée.`),
        );
        return false;
      }
      if (byEmail.has(member.email)) {
        duplicates.push(
          row.error('email', `${quoted(member.email)} est déjà l’adresse d’un membre de la structure : ligne ignorée.`),
        );
        return false;
      }
      return true;
    });
    try {
      await this.transactions.run(async () => {
        // Referents first: a delegate's line may name a practitioner of a later line.
        const ordered = [...fresh.filter((l) => !l.referentRpps), ...fresh.filter((l) => l.referentRpps)];
        for (const { row, input: member, referentRpps } of ordered) {
          const referentId = referentRpps ? (idByRpps.get(referentRpps) ?? null) : null;
          const added = await this.addMember.execute(user, { ...member, referentId }).catch((error: unknown) => {
            throw new ImportRefused(lineErrorOf(row, error, memberColumnOf));
          });
          if (added.rpps) idByRpps.set(added.rpps, added.id);
        }
      });
    } catch (error) {
      if (error instanceof ImportRefused) return failed([error.lineError]);
      throw error;
    }
    return { ok: true, imported: fresh.length, errors: [], duplicates };
  }

  private memberLine(
    row: ImportRow,
    structureId: string,
    siteByName: Map<string, string>,
    errors: ImportLineError[],
  ): MemberLine | null {
    const before = errors.length;
    const required = (column: string) => {
      const value = row.cell(column);
      if (!value) errors.push(row.error(column, 'la cellule est vide ; elle est obligatoire.'));
      else if (value.length > 100) errors.push(row.error(column, 'plus de 100 caractères.'));
      return value;
    };
    const lastName = required('nom');
    const firstName = required('prenom');
    const email = row.cell('email').toLowerCase();
    if (!EMAIL.test(email))
      errors.push(row.error('email', `${quoted(row.cell('email'))} n’est pas une adresse e-mail.`));
    const professionCell = row.cell('profession');
    const professionKey = normaliseHeaderName(professionCell);
    const profession = isProfession(professionKey) ? professionKey : PROFESSION_LABELS[professionKey];
    if (!profession)
      errors.push(
        row.error(
          'profession',
          `${quoted(professionCell)} n’est pas une profession connue (par exemple « Médecin généraliste », « Infirmière », « Secrétaire médicale » ; liste dans docs/directory-import.md).`,
        ),
      );
    let rpps: string | null = null;
    const rppsCell = row.cell('rpps');
    if (/e\+/i.test(rppsCell))
      errors.push(
        row.error(
          'rpps',
          `${quoted(rppsCell)} : le tableur a converti le numéro RPPS en nombre ; mettez la colonne au format Texte et saisissez les 11 chiffres.`,
        ),
      );
    else if (rppsCell) {
      try {
        rpps = assertRpps(rppsCell, 'rpps');
      } catch {
        errors.push(
          row.error(
            'rpps',
            `${quoted(rppsCell)} n’est pas un numéro RPPS valide (11 chiffres dont une clé de contrôle).`,
          ),
        );
      }
    }
    const roleCells = listOf(row.cell('roles'));
    const roles = roleCells.map((r) => ROLE_LABELS[normaliseHeaderName(r)]);
    const unknownRole = roleCells.find((_, i) => !roles[i]);
    if (!roleCells.length)
      errors.push(
        row.error(
          'roles',
          'au moins un rôle est obligatoire (praticien, secrétaire, assistant médical, coordinateur, administrateur).',
        ),
      );
    else if (unknownRole)
      errors.push(
        row.error(
          'roles',
          `${quoted(unknownRole)} n’est pas un rôle (praticien, secrétaire, assistant médical, coordinateur, administrateur).`,
        ),
      );
    const siteNames = listOf(row.cell('sites'));
    const siteIds = siteNames.map((name) => siteByName.get(searchText(name)));
    const unknownSite = siteNames.find((_, i) => !siteIds[i]);
    if (unknownSite) errors.push(row.error('sites', `${quoted(unknownSite)} n’est pas un site de la structure.`));
    const referentCell = row.cell('referent_rpps');
    let referentRpps: string | null = null;
    if (referentCell) {
      try {
        referentRpps = assertRpps(referentCell, 'referent_rpps');
      } catch {
        errors.push(
          row.error(
            'referent_rpps',
            `${quoted(referentCell)} n’est pas un numéro RPPS valide (11 chiffres dont une clé de contrôle).`,
          ),
        );
      }
    } else if (roles.includes('medical_assistant'))
      errors.push(
        row.error(
          'referent_rpps',
          'un assistant médical travaille par délégation : le RPPS de son médecin référent est obligatoire.',
        ),
      );
    if (errors.length > before) return null;
    return {
      row,
      referentRpps,
      input: {
        structureId,
        firstName,
        lastName,
        email,
        profession: profession as Profession,
        rpps,
        roles: roles as Role[],
        siteIds: siteIds as string[],
      },
    };
  }
}

/** The same RPPS or e-mail on two lines: which one is meant cannot be guessed. */
function checkRepeats(lines: readonly MemberLine[], errors: ImportLineError[]): void {
  const seenRpps = new Map<string, number>();
  const seenEmail = new Map<string, number>();
  for (const { row, input } of lines) {
    const rppsLine = input.rpps ? seenRpps.get(input.rpps) : undefined;
    const emailLine = seenEmail.get(input.email);
    if (rppsLine)
      errors.push(row.error('rpps', `même numéro RPPS qu’à la ligne ${rppsLine} ; une seule ligne par professionnel.`));
    else if (emailLine)
      errors.push(
        row.error('email', `même adresse e-mail qu’à la ligne ${emailLine} ; une seule ligne par professionnel.`),
      );
    if (input.rpps && !seenRpps.has(input.rpps)) seenRpps.set(input.rpps, row.line);
    if (!seenEmail.has(input.email)) seenEmail.set(input.email, row.line);
  }
}

function memberColumnOf(field: string | undefined): string | null {
  switch (field) {
    case 'input.email':
      return 'email';
    case 'input.rpps':
      return 'rpps';
    case 'input.firstName':
      return 'prenom';
    case 'input.lastName':
      return 'nom';
    case 'input.roles':
      return 'roles';
    case 'input.siteIds':
      return 'sites';
    case 'input.profession':
      return 'profession';
    case 'input.referentId':
      return 'referent_rpps';
    default:
      return null;
  }
}
