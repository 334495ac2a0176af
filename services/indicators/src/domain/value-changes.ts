import type { IndicatorDefinition } from './catalogue-loader';

export interface ThresholdCrossing {
  objective: 'intermediate' | 'target';
  crossing: 'reached' | 'lost';
  objectiveValue: number;
  level: number;
}

/**
 * The objectives a change of level reached or lost, in the indicator's direction (at or under a lower-is-better
 * objective reaches it). An objective still "à compléter" is never crossed; an unknown level reaches nothing.
 */
export function thresholdCrossings(
  indicator: IndicatorDefinition,
  before: number | null,
  after: number | null,
): ThresholdCrossing[] {
  const meets = (level: number | null, objective: number) =>
    level !== null && (indicator.direction === 'lower_is_better' ? level <= objective : level >= objective);
  const crossings: ThresholdCrossing[] = [];
  for (const objective of ['intermediate', 'target'] as const) {
    const value = indicator.objectives?.[objective].value ?? null;
    if (value === null) continue;
    const was = meets(before, value);
    const is = meets(after, value);
    if (was !== is && (after !== null || was))
      crossings.push({
        objective,
        crossing: is ? 'reached' : 'lost',
        objectiveValue: value,
        level: after ?? 0,
      });
  }
  return crossings;
}
