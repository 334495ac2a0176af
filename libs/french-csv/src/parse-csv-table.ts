import { CsvError, parse } from 'csv-parse/sync';

export type CsvDelimiter = ';' | ',' | '\t';

/** A file csv-parse cannot split: the row it stopped at (the header is row 1) and why, in French. */
export interface CsvSyntaxError {
  line: number;
  column: null;
  message: string;
}

const CANDIDATES: readonly CsvDelimiter[] = [';', '\t', ','];

/**
 * The separator is read from the header line only: data lines hold decimal commas ("12,5") that would make a comma
 * count win, while header names never contain a separator. Quoted parts are not counted. On a tie, or a header of
 * one column, `;` (what French spreadsheets write) is assumed.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0].replace(/"[^"]*"/g, '');
  const count = (d: string) => firstLine.split(d).length - 1;
  return CANDIDATES.reduce((best, d) => (count(d) > count(best) ? d : best));
}

/**
 * Splits decoded CSV text into records of cells with csv-parse (quotes, doubled quotes, separators and line breaks
 * inside quotes, CRLF or LF). Each record is one spreadsheet row, even when a quoted cell spans several lines, so
 * `records[i]` is row i + 1. Empty lines are kept (as empty records) for the same reason.
 */
export function parseCsvTable(
  text: string,
): { ok: true; records: string[][]; delimiter: CsvDelimiter } | { ok: false; errors: CsvSyntaxError[] } {
  const delimiter = sniffDelimiter(text);
  try {
    const records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      // A quote inside an unquoted cell (Dr "Martin") is kept as text, as spreadsheets show it.
      relax_quotes: true,
      skip_empty_lines: false,
    });
    return { ok: true, records, delimiter };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    const reason =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'un guillemet ouvert n’est jamais fermé ; le fichier ne peut pas être lu au-delà.'
        : `le fichier n’est pas un CSV lisible (${error.code}).`;
    return { ok: false, errors: [{ line, column: null, message: `Ligne ${line} : ${reason}` }] };
  }
}
