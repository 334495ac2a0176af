/**
 * The periods an import line may name, as statements and practice software give them: a calendar year, a quarter
 * ("T" for trimestre) or a month. Days are not accepted: no pay-for-performance figure is given per day.
 */
export interface ImportPeriod {
  /** Normalised: "2026", "2026-T1", "2026-03". */
  label: string;
  /** Inclusive dates YYYY-MM-DD, as `ScoringContext.period` takes them. */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function span(label: string, year: number, firstMonth: number, lastMonth: number): ImportPeriod {
  return {
    label,
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDayOf(year, lastMonth))}`,
  };
}

/** "2026" | "2026-T1" (or "2026-t1") | "2026-03"; `null` for anything else, or a year outside 2000–2099. */
export function parseImportPeriod(text: string): ImportPeriod | null {
  const match = /^(20\d\d)(?:-(?:[Tt]([1-4])|(0[1-9]|1[0-2])))?$/.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2]) {
    const quarter = Number(match[2]);
    return span(`${year}-T${quarter}`, year, quarter * 3 - 2, quarter * 3);
  }
  if (match[3]) return span(`${year}-${match[3]}`, year, Number(match[3]), Number(match[3]));
  return span(String(year), year, 1, 12);
}

/** The label of a year, quarter or month period (as an export writes it, so it can be imported back); else "start/end". */
export function importPeriodLabel(period: { start: string; end: string }): string {
  const year = period.start.slice(0, 4);
  const candidates = [year, ...[1, 2, 3, 4].map((q) => `${year}-T${q}`), `${year}-${period.start.slice(5, 7)}`];
  const found = candidates.map(parseImportPeriod).find((p) => p?.start === period.start && p.end === period.end);
  return found?.label ?? `${period.start}/${period.end}`;
}
