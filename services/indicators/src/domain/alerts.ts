import type { IndicatorDefinition } from './catalogue-loader';
import { frDate, frNumber } from './french-format';
import { IndicatorsError } from './indicators-error';
import type { IndicatorValues, Score } from './scoring';

export interface AlertTiming {
  /** The day the alert is computed (YYYY-MM-DD, in the structure's zone): the caller's clock, never read here. */
  today: string;
  /** Last day of the period (inclusive, YYYY-MM-DD). */
  periodEnd: string;
}

export interface IndicatorAlert {
  indicatorCode: string;
  objective: 'intermediate' | 'target' | 'minimum_population';
  /** How many more (or fewer, for lower-is-better) are needed. */
  missing: number;
  change: 'more' | 'fewer';
  daysLeft: number;
  message: string;
}

const DAY_MS = 86_400_000;

function dayNumber(field: string, iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw IndicatorsError.invalid(field, 'expected a date YYYY-MM-DD');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  if (new Date(time).getUTCDate() !== day) throw IndicatorsError.invalid(field, `${iso} is not a calendar date`);
  return time / DAY_MS;
}

/** Needed is never fractional: one more patient, not 0.4 of one; tolerance absorbs binary rounding of exact cases. */
const ceil = (n: number) => Math.max(0, Math.ceil(n - 1e-9));

/**
 * The French alert for an indicator behind its next objective, e.g. "12 patients diabétiques de plus avec deux HbA1c
 * sont nécessaires avant le 31 décembre pour atteindre l’objectif intermédiaire". Null when the objectives are reached,
 * unknown ("à compléter"), or the period is over.
 */
export function indicatorAlert(
  indicator: IndicatorDefinition,
  score: Score,
  values: IndicatorValues,
  timing: AlertTiming,
): IndicatorAlert | null {
  const today = dayNumber('timing.today', timing.today);
  const end = dayNumber('timing.periodEnd', timing.periodEnd);
  if (end < today || indicator.unit === 'boolean') return null;
  const daysLeft = end - today + 1;
  const withYear = timing.periodEnd.slice(0, 4) !== timing.today.slice(0, 4);
  const before = `avant le ${frDate(timing.periodEnd, withYear)}`;
  const pace = (missing: number) =>
    daysLeft >= 14 ? ` (environ ${frNumber(missing / (daysLeft / 7), 1)} par semaine)` : '';

  if (
    score.status === 'below_minimum_population' &&
    score.population.minimum !== null &&
    score.population.actual !== null
  ) {
    const missing = score.population.minimum - score.population.actual;
    return {
      indicatorCode: indicator.code,
      objective: 'minimum_population',
      missing,
      change: 'more',
      daysLeft,
      message: `${missing} patient${missing > 1 ? 's' : ''} de plus dans la population suivie ${missing > 1 ? 'sont nécessaires' : 'est nécessaire'} ${before} pour atteindre le seuil minimal de ${score.population.minimum} patients.`,
    };
  }
  if (score.level === null) return null;

  const next = (['intermediate', 'target'] as const).find((key) => score.objectives[key].reached === false);
  if (!next) return null;
  const objective = score.objectives[next].value;
  if (objective === null) return null;

  const lower = indicator.direction === 'lower_is_better';
  let missing: number;
  if (indicator.unit === 'rate') {
    const numerator = values.numerator ?? 0;
    const denominator = values.denominator ?? 0;
    const needed = (objective * denominator) / 100;
    missing = lower ? ceil(numerator - needed) : ceil(needed - numerator);
  } else {
    missing = lower ? ceil(score.level - objective) : ceil(objective - score.level);
  }
  if (missing === 0) return null;

  const noun = indicator.numeratorNoun ?? { singular: 'élément du numérateur', plural: 'éléments du numérateur' };
  const qualifier = indicator.numeratorQualifier ? ` ${indicator.numeratorQualifier}` : '';
  const more = lower ? 'de moins' : 'de plus';
  const verb = missing > 1 ? 'sont nécessaires' : 'est nécessaire';
  const objectiveName = next === 'intermediate' ? 'l’objectif intermédiaire' : 'l’objectif cible';
  const what = `${frNumber(missing, 0)} ${missing > 1 ? noun.plural : noun.singular} ${more}${qualifier}`;
  return {
    indicatorCode: indicator.code,
    objective: next,
    missing,
    change: lower ? 'fewer' : 'more',
    daysLeft,
    message: `${what} ${verb} ${before} pour atteindre ${objectiveName}${pace(missing)}.`,
  };
}
