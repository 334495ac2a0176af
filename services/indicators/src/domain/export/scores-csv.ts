import { importPeriodLabel } from '../import/import-period';
import { IMPORT_COLUMNS } from '../import/indicator-import';
import type { IndicatorValues, Score, ScoreStatus } from '../scoring';
import { type CsvCell, frenchCsv } from './french-csv';

/** One exported line: a practitioner's (or the structure's, `rpps: null`) score for one indicator and period. */
export interface ScoreExportLine {
  rpps: string | null;
  values: IndicatorValues;
  score: Score;
}

const STATUS_FR: Record<ScoreStatus, string> = {
  scored: 'calculé',
  below_minimum_population: 'population minimale non atteinte',
  no_data: 'aucune donnée',
  incomplete: 'valeurs à compléter',
  rule_unconfirmed: 'règle non confirmée',
  measured: 'mesuré',
};

/**
 * The import columns first, under the same names, so an exported file can be corrected and imported back (the other
 * columns are ignored on import); then what the score says.
 */
export const SCORE_EXPORT_HEADER = [
  ...IMPORT_COLUMNS,
  'libelle',
  'catalogue',
  'niveau',
  'objectif_intermediaire',
  'objectif_cible',
  'population_minimale',
  'atteinte_pct',
  'points_obtenus',
  'euros_estimes',
  'statut',
  'non_confirme',
  'explication',
] as const;

function numberOrNull(n: number | boolean | null | undefined): number | null {
  if (typeof n === 'boolean') return n ? 1 : 0;
  return n ?? null;
}

/** Scores and their values as a French Excel CSV (`frenchCsv`): texts neutralised against formula injection. */
export function scoresCsv(lines: readonly ScoreExportLine[]): string {
  const rows: CsvCell[][] = lines.map(({ rpps, values, score }) => [
    rpps,
    score.indicatorCode,
    importPeriodLabel(score.period),
    numberOrNull(values.numerator ?? values.value),
    numberOrNull(values.denominator),
    score.label,
    `${score.catalogue}@${score.version}`,
    score.level,
    score.objectives.intermediate.value,
    score.objectives.target.value,
    score.population.minimum,
    score.achievementRate === null ? null : score.achievementRate * 100,
    score.points.weighted ?? score.points.earned,
    score.estimatedEuros,
    STATUS_FR[score.status],
    score.unconfirmed.join(' '),
    score.explanation.join(' '),
  ]);
  return frenchCsv(SCORE_EXPORT_HEADER, rows);
}
