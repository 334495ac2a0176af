import { normaliseHeaderName } from '@msp/french-csv';
import type { IndicatorDefinition } from '../catalogue-loader';
import { frDate } from '../french-format';
import { looksLikeScientificNotation, parseFrenchNumber } from './french-number';
import { type ImportPeriod, parseImportPeriod } from './import-period';
import type { IndicatorLookup } from './indicator-lookup';
import { normalisedRpps } from './rpps';

/**
 * Validation of an imported table of numerators and denominators (docs/indicators-import.md). The table arrives as
 * cells, already decoded and split by the infrastructure; every line is checked, every error is reported with the line
 * number a spreadsheet shows (the header is line 1), and no row is returned unless all lines are right.
 */

export const IMPORT_COLUMNS = ['rpps', 'code_indicateur', 'periode', 'numerateur', 'denominateur'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** How insurer statements head the practitioner column. */
const HEADER_ALIASES: Readonly<Record<string, ImportColumn>> = { n_rpps: 'rpps', numero_rpps: 'rpps' };

export interface ImportError {
  /** As the spreadsheet numbers its rows: the header is line 1. */
  line: number;
  /** The column at fault, by its canonical name; `null` for the line as a whole. */
  column: ImportColumn | null;
  /** French, self-contained: "Ligne 57, colonne « Numérateur » : « 12a » n’est pas un nombre." */
  message: string;
}

export interface ImportedIndicatorValue {
  line: number;
  /** `null` for an indicator of the structure (ACI). */
  rpps: string | null;
  indicatorCode: string;
  catalogue: { code: string; version: string };
  period: ImportPeriod;
  /** Ready for `score()`: a count or minutes indicator reads its value from the numerator. */
  values: { numerator: number; denominator: number | null };
}

export type IndicatorImportResult = { ok: true; rows: ImportedIndicatorValue[] } | { ok: false; errors: ImportError[] };

/** A, B, … Z, AA: how the spreadsheet names the column the user must look at. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const quoted = (text: string) => `« ${text} »`;

interface Header {
  index: Record<ImportColumn, number>;
  /** Each column as the file writes it, to name it in messages the way the user sees it. */
  heading: Record<ImportColumn, string>;
  width: number;
}

function readHeader(cells: readonly string[]): { header: Header } | { errors: ImportError[] } {
  const errors: ImportError[] = [];
  const index: Partial<Record<ImportColumn, number>> = {};
  cells.forEach((cell, i) => {
    const name = normaliseHeaderName(cell);
    const column = (IMPORT_COLUMNS as readonly string[]).includes(name) ? (name as ImportColumn) : HEADER_ALIASES[name];
    if (!column) return;
    const first = index[column];
    if (first === undefined) {
      index[column] = i;
      return;
    }
    errors.push({
      line: 1,
      column,
      message: `Ligne 1 : la colonne ${quoted(column)} apparaît deux fois (colonnes ${columnLetter(first)} et ${columnLetter(i)}).`,
    });
  });
  for (const column of IMPORT_COLUMNS) {
    if (index[column] === undefined) {
      errors.push({
        line: 1,
        column,
        message: `Ligne 1 : la colonne ${quoted(column)} manque dans l’en-tête (colonnes attendues : ${IMPORT_COLUMNS.join(', ')}).`,
      });
    }
  }
  if (errors.length > 0) return { errors };
  const complete = index as Record<ImportColumn, number>;
  const heading = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, cells[complete[c]].trim()])) as Record<
    ImportColumn,
    string
  >;
  return { header: { index: complete, heading, width: cells.length } };
}

function periodWords(period: ImportPeriod): string {
  const endYear = period.end.slice(0, 4);
  return `${period.label} (du ${frDate(period.start, period.start.slice(0, 4) !== endYear)} au ${frDate(period.end, true)})`;
}

function validateLine(
  cells: readonly string[],
  line: number,
  header: Header,
  lookup: IndicatorLookup,
): { row: ImportedIndicatorValue | null; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const cell = (column: ImportColumn) => (cells[header.index[column]] ?? '').trim();
  const fail = (column: ImportColumn | null, text: string) =>
    errors.push({
      line,
      column,
      message: `Ligne ${line}${column ? `, colonne ${quoted(header.heading[column])}` : ''} : ${text}`,
    });

  const beyond = cells.findIndex((c, i) => i >= header.width && c.trim() !== '');
  if (beyond >= 0) {
    fail(null, `la cellule ${columnLetter(beyond)} est remplie alors que l’en-tête n’a que ${header.width} colonnes.`);
  }

  const periodText = cell('periode');
  const period = periodText === '' ? null : parseImportPeriod(periodText);
  if (periodText === '')
    fail('periode', 'vide : indiquez l’année (2026), le trimestre (2026-T1) ou le mois (2026-03).');
  else if (!period) {
    fail(
      'periode',
      `${quoted(periodText)} n’est pas une période : attendu l’année (2026), le trimestre (2026-T1) ou le mois (2026-03).`,
    );
  }

  const code = cell('code_indicateur').toUpperCase();
  let indicator: IndicatorDefinition | null = null;
  if (code === '') fail('code_indicateur', 'vide : indiquez le code de l’indicateur (par exemple ROSP-A-SPC-01).');
  else if (period) {
    indicator = lookup(code, period);
    if (!indicator) {
      fail(
        'code_indicateur',
        `${quoted(code)} n’est pas un indicateur d’un catalogue en vigueur sur toute la période ${periodWords(period)}.`,
      );
    } else if (indicator.unit === 'boolean') {
      fail(
        'code_indicateur',
        `${quoted(code)} est un indicateur oui/non : il se déclare avec sa pièce justificative, il ne s’importe pas.`,
      );
      indicator = null;
    } else if (indicator.catalogue.programme === 'operational') {
      fail(
        'code_indicateur',
        `${quoted(code)} est calculé par la plateforme à partir de l’activité : il ne s’importe pas.`,
      );
      indicator = null;
    }
  }

  const rppsText = cell('rpps');
  let rpps: string | null = null;
  if (indicator?.catalogue.scope === 'structure') {
    if (rppsText !== '')
      fail('rpps', `doit rester vide : ${quoted(code)} est un indicateur de la structure, pas d’un praticien.`);
  } else if (rppsText === '') {
    if (indicator) fail('rpps', 'vide : indiquez le numéro RPPS du praticien (11 chiffres).');
  } else {
    rpps = normalisedRpps(rppsText);
    if (!rpps && looksLikeScientificNotation(rppsText)) {
      fail(
        'rpps',
        `${quoted(rppsText)} : le tableur a converti le numéro RPPS en nombre ; mettez la colonne au format texte et exportez à nouveau.`,
      );
    } else if (!rpps) {
      fail('rpps', `${quoted(rppsText)} n’est pas un numéro RPPS valide (11 chiffres dont une clé de contrôle).`);
    }
  }

  // Rates and counts count patients or acts; minutes may be fractional.
  const whole = indicator !== null && indicator.unit !== 'minutes';
  const count = (column: 'numerateur' | 'denominateur'): number | null => {
    const text = cell(column);
    const n = parseFrenchNumber(text);
    if (n === null) fail(column, `${quoted(text)} n’est pas un nombre.`);
    else if (n < 0)
      fail(
        column,
        `${quoted(text)} est négatif : le ${column === 'numerateur' ? 'numérateur' : 'dénominateur'} compte des patients, des actes ou des minutes.`,
      );
    else if (whole && !Number.isInteger(n))
      fail(column, `${quoted(text)} n’est pas un nombre entier : l’indicateur compte des patients ou des actes.`);
    else return n;
    return null;
  };
  let numerator: number | null = null;
  if (cell('numerateur') === '') fail('numerateur', 'vide : indiquez le numérateur.');
  else numerator = count('numerateur');
  let denominator: number | null = null;
  if (cell('denominateur') === '') {
    if (indicator?.unit === 'rate') fail('denominateur', 'vide : un taux a besoin de son dénominateur.');
  } else denominator = count('denominateur');
  if (indicator?.unit === 'rate' && numerator !== null && denominator !== null && numerator > denominator) {
    fail(
      'numerateur',
      `${quoted(cell('numerateur'))} dépasse le dénominateur (${cell('denominateur')}) : un taux ne peut pas dépasser 100 %.`,
    );
  }

  if (errors.length > 0 || !indicator || !period || numerator === null) return { row: null, errors };
  return {
    row: {
      line,
      rpps,
      indicatorCode: indicator.code,
      catalogue: { code: indicator.catalogue.code, version: indicator.catalogue.version },
      period,
      values: { numerator, denominator },
    },
    errors,
  };
}

/**
 * Validates every line of an import table (`records[0]` is the header, `records[i]` is line i + 1) against the
 * catalogues `lookup` finds in force for each line's period. Lines whose cells are all empty are skipped, as
 * spreadsheets leave them, but still counted so the numbers match the rows the user sees.
 */
export function validateIndicatorImport(
  records: readonly (readonly string[])[],
  lookup: IndicatorLookup,
): IndicatorImportResult {
  const isEmpty = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
  if (records.length === 0 || isEmpty(records[0])) {
    return {
      ok: false,
      errors: [
        {
          line: 1,
          column: null,
          message: `Ligne 1 : le fichier est vide ; la première ligne doit nommer les colonnes ${IMPORT_COLUMNS.join(', ')}.`,
        },
      ],
    };
  }
  const read = readHeader(records[0]);
  if ('errors' in read) return { ok: false, errors: read.errors };

  const errors: ImportError[] = [];
  const rows: ImportedIndicatorValue[] = [];
  const firstLineOf = new Map<string, number>();
  records.forEach((cells, i) => {
    if (i === 0 || isEmpty(cells)) return;
    const line = i + 1;
    const result = validateLine(cells, line, read.header, lookup);
    errors.push(...result.errors);
    if (!result.row) return;
    const key = `${result.row.rpps ?? ''}|${result.row.indicatorCode}|${result.row.period.label}`;
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      errors.push({
        line,
        column: null,
        message: `Ligne ${line} : même praticien, indicateur et période qu’à la ligne ${first} ; une seule valeur par praticien, indicateur et période.`,
      });
      return;
    }
    firstLineOf.set(key, line);
    rows.push(result.row);
  });
  if (rows.length === 0 && errors.length === 0) {
    errors.push({ line: 2, column: null, message: 'Ligne 2 : aucune valeur à importer après la ligne d’en-tête.' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
