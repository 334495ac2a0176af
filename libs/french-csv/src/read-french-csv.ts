import { type CsvEncoding, decodeCsvBytes } from './decode-csv-bytes';
import { type CsvDelimiter, type CsvSyntaxError, parseCsvTable } from './parse-csv-table';

export type FrenchCsvTable =
  | { ok: true; records: string[][]; delimiter: CsvDelimiter; encoding: CsvEncoding }
  | { ok: false; errors: CsvSyntaxError[] };

/**
 * An uploaded file, bytes as received, to rows of cells: decoded whatever the spreadsheet saved, split by csv-parse
 * with the separator of its header line. `records[i]` is the spreadsheet's row i + 1 (the header is row 1), empty
 * rows included, so errors can name the line the user sees.
 */
export function readFrenchCsv(bytes: Uint8Array): FrenchCsvTable {
  const { text, encoding } = decodeCsvBytes(bytes);
  const table = parseCsvTable(text);
  return table.ok ? { ...table, encoding } : table;
}

/** True for rows a spreadsheet leaves behind (`;;;;`) and blank lines: skipped, yet counted in line numbers. */
export const isBlankRecord = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');
