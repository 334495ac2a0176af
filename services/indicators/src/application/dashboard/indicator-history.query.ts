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

export interface HistoryRequest {
  structureId: string;
  practitionerId: string | null;
  from: string;
  to: string;
}

/**
 * Computed indicators month by month: every month counted from the facts and scored when asked, exactly as
 * `indicatorScores` gives it, so a history can never disagree with the month's figures (nothing is stored per month to
 * drift). The facts of all the months are read at once, grouped by each fact's local month, not once a month.
 */
@Injectable()
export class IndicatorHistoryQuery {
  constructor(private readonly operational: OperationalIndicators) {}

  async history(user: UserContext, input: HistoryRequest & { indicatorCode: string }): Promise<IndicatorHistory> {
    const [history] = await this.histories(user, { ...input, indicatorCodes: [input.indicatorCode] }, 'indicatorCode');
    return history;
  }

  /** `indicatorCodes` null: every computed indicator the reader may see (a practitioner's own: no structure-only one). */
  async histories(
    user: UserContext,
    input: HistoryRequest & { indicatorCodes: readonly string[] | null },
    field = 'indicatorCodes',
  ): Promise<IndicatorHistory[]> {
    const reader = practitionerReader(user, input.structureId, input.practitionerId);
    const codes = input.indicatorCodes
      ? input.indicatorCodes.map((asked, i) => this.computedCode(asked, reader.practitionerId, field, i))
      : COMPUTED_OPERATIONAL_CODES.filter((c) => !reader.practitionerId || !STRUCTURE_ONLY.includes(c));
    const months = monthsBetween(input.from, input.to);
    const activities = await this.operational.monthlyActivity(reader.structureId, months);
    const practitioners = reader.practitionerId
      ? months.map(() => 1)
      : await this.operational.practitionerCounts(reader.structureId, activities);
    const figures = months.map((month, i) =>
      this.operational.figuresOf(activities[i], month, reader.practitionerId, practitioners[i]),
    );
    return [...new Set(codes)].map((code) => ({
      ...reader,
      indicatorCode: code,
      points: months.flatMap((month, i) => {
        const scored = figures[i].scores.find((s) => s.indicator.code === code);
        return scored ? [{ period: month.code, ...scored }] : [];
      }),
    }));
  }

  private computedCode(
    asked: string,
    practitionerId: string | null,
    field: string,
    index: number,
  ): ComputedOperationalCode {
    const at = field === 'indicatorCode' ? field : `${field}[${index}]`;
    const code = COMPUTED_OPERATIONAL_CODES.find((c) => c === asked);
    if (!code)
      throw IndicatorsError.invalid(
        at,
        `"${asked.slice(0, 40)}" is not computed from the services’ events (${COMPUTED_OPERATIONAL_CODES.join(', ')})`,
      );
    if (practitionerId && STRUCTURE_ONLY.includes(code))
      throw IndicatorsError.invalid('practitionerId', `${code} is the structure’s only, not a practitioner’s`);
    return code;
  }
}
