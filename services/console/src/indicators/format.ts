const numberFormats = new Map<number, Intl.NumberFormat>();

/** "1 234,5": French digits, at most `digits` decimals. */
export function frNumber(value: number, digits = 1): string {
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format.format(value);
}

const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

export function frEuros(value: number): string {
  return euroFormat.format(value);
}

/** "3 h 51" from 231 minutes; "45 min" under an hour. */
export function hoursAndMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  if (hours === 0) return `${rest} min`;
  return `${hours} h ${String(rest).padStart(2, '0')}`;
}

/** A level in its unit: "12,5 %" for a rate, "3" for a count, "45 min" for minutes, "oui" / "non" for a boolean. */
export function levelText(level: number | null, unit: string, yes = 'oui', no = 'non'): string {
  if (level === null) return '—';
  switch (unit) {
    case 'rate':
      return `${frNumber(level)} %`;
    case 'minutes':
      return `${frNumber(level, 0)} min`;
    case 'boolean':
      return level >= 1 ? yes : no;
    default:
      return frNumber(level);
  }
}
