import { IndicatorsError } from '../indicators-error';

/**
 * CSV as French Excel opens it with a double click: `;` between cells (the comma is the decimal mark), UTF-8 with a
 * byte order mark (without it Excel reads Windows-1252 and garbles accents), CRLF line ends, decimal comma.
 */

export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\ufeff';
const SEPARATOR = ';';

/**
 * OWASP "CSV injection": a cell starting with = + - @ tab or carriage return is read as a formula by spreadsheets
 * (`=HYPERLINK(...)`, `@SUM(...)`, DDE). A leading apostrophe makes it text, shown without the apostrophe.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Numbers are written by us from a finite number ("-3,5", never "-1+2"), so they are not neutralised and stay numbers
 * in the spreadsheet; at most `decimals` decimals, no digit grouping (a grouped number would be read as text).
 */
function numberCell(n: number, decimals: number): string {
  if (!Number.isFinite(n)) throw IndicatorsError.invalid('rows', `${n} cannot be written in a CSV cell`);
  // Rounded in decimal, not binary: 62.345 is stored as 62.34499… and toFixed(2) would write 62,34.
  const shifted = String(n).includes('e') ? n * 10 ** decimals : Number(`${n}e${decimals}`);
  const rounded = Math.round(shifted) / 10 ** decimals;
  return String(Object.is(rounded, -0) ? 0 : rounded).replace('.', ',');
}

function cellText(cell: CsvCell, decimals: number): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return numberCell(cell, decimals);
  if (typeof cell === 'boolean') return cell ? 'oui' : 'non';
  const text = neutraliseFormula(cell);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file as a string (the BOM is its first character): encode it as UTF-8 to send it. */
export function frenchCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: { decimals?: number } = {},
): string {
  const decimals = options.decimals ?? 2;
  rows.forEach((row, i) => {
    if (row.length !== header.length) {
      throw IndicatorsError.invalid(`rows[${i}]`, `${row.length} cells for ${header.length} columns`);
    }
  });
  const lines = [header, ...rows].map((cells) => cells.map((c) => cellText(c, decimals)).join(SEPARATOR));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
