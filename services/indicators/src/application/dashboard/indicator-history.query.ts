import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import type { IndicatorDefinition } from '../../domain/catalogue-loader';
import { IndicatorsError } from '../../domain/indicators-error';
import { COMPUTED_OPERATIONAL_CODES, type ComputedOperationalCode } from '../../domain/operational-values';
import { monthsBetween } from '../../domain/period';
import type { IndicatorValues, Score } from '../../domain/scoring';
import { OperationalIndicators, STRUCTURE_ONLY } from './operational-indicators';
import { practitionerReader } from './structure-reader';

export interface IndicatorHistoryPoint {
  /** `YYYY-MM` */
  period: string;
  indicator: IndicatorDefinition;
  values: IndicatorValues;
  score: Score;
}

export interface IndicatorHistory {
  structureId: string;
  practitionerId: string | null;
  indicatorCode: ComputedOperationalCode;
  points: IndicatorHistoryPoint[];
}

/**
 * One indicator month by month: each month counted from the facts and scored when asked, exactly as `indicatorScores`
 * gives it, so a history can never disagree with the month's figures (nothing is stored per month to drift).
 */
@Injectable()
export class IndicatorHistoryQuery {
  constructor(private readonly operational: OperationalIndicators) {}

  async history(
    user: UserContext,
    input: { structureId: string; indicatorCode: string; practitionerId: string | null; from: string; to: string },
  ): Promise<IndicatorHistory> {
    const reader = practitionerReader(user, input.structureId, input.practitionerId);
    const code = COMPUTED_OPERATIONAL_CODES.find((c) => c === input.indicatorCode);
    if (!code)
      throw IndicatorsError.invalid(
        'indicatorCode',
        `"${input.indicatorCode.slice(0, 40)}" is not computed from the services’ events (${COMPUTED_OPERATIONAL_CODES.join(', ')})`,
      );
    if (reader.practitionerId && STRUCTURE_ONLY.includes(code))
      throw IndicatorsError.invalid('practitionerId', `${code} is the structure’s only, not a practitioner’s`);
    const months = monthsBetween(input.from, input.to);
    const points: IndicatorHistoryPoint[] = [];
    for (const month of months) {
      const figures = await this.operational.figures(reader.structureId, month, reader.practitionerId);
      const scored = figures.scores.find((s) => s.indicator.code === code);
      if (scored) points.push({ period: month.code, ...scored });
    }
    return { ...reader, indicatorCode: code, points };
  }
}
