import { DomainError } from '@msp/errors';
import { columnLetter, isBlankRecord, normaliseHeaderName, readFrenchCsv } from '@msp/french-csv';
import { base64FileBytes } from '@msp/service-kit';
import { DirectoryError, DirectoryErrorCode } from '../../domain/directory-error';

/** A member list or a patient base is a few hundred kilobytes; the cap keeps one request from holding the service. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** More lines than any structure's patient base: a bigger file is split, rather than one transaction held for minutes. */
export const MAX_IMPORT_LINES = 5000;

/** One problem of one line, as the spreadsheet numbers it (the header is line 1). */
export interface ImportLineError {
  line: number;
  /** The column at fault by its documented name (`rpps`, `date_naissance`), null for the line as a whole. */
  column: string | null;
  /** French, self-contained: "Ligne 7, colonne « Date de naissance » : « 31/02/1950 » n’est pas une date JJ/MM/AAAA." */
  message: string;
}

export interface DirectoryImportOutcome {
  /** False when any line is wrong: then nothing was written. */
  ok: boolean;
  imported: number;
  errors: ImportLineError[];
  /** Lines naming someone already in the structure: reported and left out, so a file can be imported again. */
  duplicates: ImportLineError[];
}

export interface ColumnSpec {
  /** The documented name (docs/directory-import.md). */
  name: string;
  /** Other header names meaning the same, normalised (`normaliseHeaderName`). */
  aliases?: readonly string[];
  required: boolean;
}

export interface ImportRow {
  line: number;
  /** The trimmed cell of a column ('' when absent or empty). */
  cell(column: string): string;
  /** An error of this line, on a column (as the file heads it) or on the whole line. */
  error(column: string | null, reason: string): ImportLineError;
}

export const quoted = (text: string) => `« ${text} »`;

export const failed = (errors: ImportLineError[]): DirectoryImportOutcome => ({
  ok: false,
  imported: 0,
  errors: errors.sort((a, b) => a.line - b.line),
  duplicates: [],
});

/**
 * The uploaded file to rows of named cells, or every error of its bytes, syntax and header: base64, then the French
 * spreadsheet's encodings and separators (`@msp/french-csv`, as indicators' import), then the header's columns found
 * by name in any order (case, accents and punctuation ignored). Blank rows are skipped but keep their number.
 */
export function readImportTable(
  csvBase64: string | null,
  columns: readonly ColumnSpec[],
): { ok: true; rows: ImportRow[] } | { ok: false; errors: ImportLineError[] } {
  const bytes = base64FileBytes(csvBase64, MAX_IMPORT_BYTES);
  if (typeof bytes === 'string') throw DirectoryError.invalid('input.csvBase64', bytes);
  const table = readFrenchCsv(bytes);
  if (!table.ok) return table;
  const [header = [], ...records] = table.records;
  const index = new Map<string, number>();
  const heading = new Map<string, string>();
  const errors: ImportLineError[] = [];
  header.forEach((raw, i) => {
    const name = normaliseHeaderName(raw);
    const spec = columns.find((c) => c.name === name || c.aliases?.includes(name));
    if (!spec) return;
    if (index.has(spec.name)) {
      errors.push({
        line: 1,
        column: spec.name,
        message: `Ligne 1 : la colonne ${quoted(spec.name)} apparaît deux fois (colonnes ${columnLetter(index.get(spec.name) as number)} et ${columnLetter(i)}).`,
      });
      return;
    }
    index.set(spec.name, i);
    heading.set(spec.name, raw.trim());
  });
  const missing = columns.filter((c) => c.required && !index.has(c.name));
  if (missing.length)
    errors.push({
      line: 1,
      column: missing[0].name,
      message: `Ligne 1 : ${missing.length > 1 ? 'les colonnes' : 'la colonne'} ${missing.map((c) => quoted(c.name)).join(', ')} ${missing.length > 1 ? 'manquent' : 'manque'} dans l’en-tête (colonnes attendues : ${columns.map((c) => c.name).join(', ')}).`,
    });
  if (errors.length) return { ok: false, errors };
  const rows = records.flatMap((cells, i): ImportRow[] => {
    if (isBlankRecord(cells)) return [];
    const line = i + 2;
    return [
      {
        line,
        cell: (column) => (index.has(column) ? (cells[index.get(column) as number] ?? '').trim() : ''),
        error: (column, reason) => ({
          line,
          column,
          message: `Ligne ${line}${column ? `, colonne ${quoted(heading.get(column) ?? column)}` : ''} : ${reason}`,
        }),
      },
    ];
  });
  if (!rows.length)
    return {
      ok: false,
      errors: [{ line: 1, column: null, message: 'Ligne 1 : le fichier ne contient aucune ligne après l’en-tête.' }],
    };
  if (rows.length > MAX_IMPORT_LINES)
    return {
      ok: false,
      errors: [
        {
          line: 1,
          column: null,
          message: `Ligne 1 : le fichier a ${rows.length} lignes ; ${MAX_IMPORT_LINES} au plus par import, découpez-le.`,
        },
      ],
    };
  return { ok: true, rows };
}

/** What a handler's refusal means for the line that caused it, in the file's words. */
export function lineErrorOf(
  row: ImportRow,
  error: unknown,
  columnOfField: (field: string | undefined) => string | null,
): ImportLineError {
  if (!(error instanceof DomainError)) throw error;
  const column = columnOfField(error.field);
  switch (error.code) {
    case DirectoryErrorCode.IdentityMismatch:
      return row.error(
        column,
        'cette adresse e-mail est celle d’un professionnel déjà inscrit sous une autre identité (nom, profession ou RPPS) ; vérifiez-les avec la personne.',
      );
    case DirectoryErrorCode.DuplicateRpps:
      return row.error(
        column,
        'ce numéro RPPS est déjà celui d’un autre professionnel de la plateforme (adresse e-mail différente).',
      );
    case DirectoryErrorCode.DuplicateEmail:
      return row.error(column, 'cette adresse e-mail est déjà celle d’un autre professionnel.');
    case DirectoryErrorCode.AlreadyMember:
      return row.error(column, 'cette personne est déjà membre de la structure.');
    case DirectoryErrorCode.DuplicatePatient:
      return row.error(column, 'un patient de la structure a déjà cet INS.');
    default:
      return row.error(column, `refusé : ${error.message}`);
  }
}

/** Aborts the import's transaction with the line that a handler refused: nothing of the file stays written. */
export class ImportRefused extends Error {
  constructor(readonly lineError: ImportLineError) {
    super(lineError.message);
  }
}
