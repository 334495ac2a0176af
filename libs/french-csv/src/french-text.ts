/** "Dénominateur", "DATE DE NAISSANCE ", "N° RPPS" → "denominateur", "date_de_naissance", "n_rpps". */
export function normaliseHeaderName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** A, B, … Z, AA: how the spreadsheet names the column the user must look at. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A date as French spreadsheets write it, DD/MM/YYYY (one-digit day or month accepted, `-` or `.` as separator), or
 * already ISO (YYYY-MM-DD, what a spreadsheet set to another locale or a database export writes), to YYYY-MM-DD;
 * null when it is not a real calendar day (31/02/2020) or not a date at all. A two-digit year is refused rather than
 * guessed: 01/02/48 could be 1948 or 2048.
 */
export function parseFrenchDate(text: string): string | null {
  const value = text.trim();
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = french
    ? [Number(french[3]), Number(french[2]), Number(french[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
