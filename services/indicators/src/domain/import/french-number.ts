/**
 * A number as a French spreadsheet writes it: decimal comma ("12,5"), digit groups separated by a space, a no-break
 * space or a narrow no-break space ("1 234"). A decimal point is accepted too (software set to English), but never
 * both marks, nor more than one: "1.234,5" is refused rather than guessed.
 */
export function parseFrenchNumber(text: string): number | null {
  const compact = text.trim().replace(/(?<=\d)[ \u00a0\u202f](?=\d{3}(?:\D|$))/g, '');
  if (!/^-?\d+(?:[.,]\d+)?$/.test(compact)) return null;
  return Number(compact.replace(',', '.'));
}

/** What a spreadsheet makes of a long number in a numeric cell ("1,00012E+10"): the identifier is lost. */
export function looksLikeScientificNotation(text: string): boolean {
  return /^\d+(?:[.,]\d+)?E\+?\d+$/i.test(text.trim());
}
