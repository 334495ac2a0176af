import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import type { IndicatorDefinition } from '../../domain/catalogue-loader';
import type { IndicatorValues, Score } from '../../domain/scoring';
import { thresholdCrossings } from '../../domain/value-changes';
import { IndicatorValuesRepository } from '../ports/indicator-values.repository';

export interface ScoredIndicator {
  indicator: IndicatorDefinition;
  values: IndicatorValues;
  score: Score;
}

/**
 * Publishes each indicator whose value moved since it was last announced for the same structure (or practitioner) and
 * period — and each objective it reached or lost — in the caller's transaction: a fact computed again, or a file
 * imported again with the same figures, publishes nothing.
 */
@Injectable()
export class IndicatorAnnouncer {
  constructor(
    private readonly values: IndicatorValuesRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async announce(
    structureId: string,
    practitionerId: string | null,
    period: string,
    scored: readonly ScoredIndicator[],
    now: Date,
  ): Promise<void> {
    const announced = await this.values.announced(structureId, practitionerId, period);
    for (const { indicator, values, score } of scored) {
      const before = announced.get(indicator.code);
      const next = {
        structureId,
        practitionerId,
        indicatorCode: indicator.code,
        period,
        level: score.level === null ? null : Math.round(score.level * 100) / 100,
        numerator: Number(values.numerator ?? values.value ?? 0),
        denominator: values.denominator ?? null,
      };
      const unchanged =
        before !== undefined &&
        before.level === next.level &&
        before.numerator === next.numerator &&
        before.denominator === next.denominator;
      // Nothing measured and nothing said before: no event for an empty period.
      if (unchanged || (before === undefined && next.numerator === 0 && !next.denominator)) continue;
      await this.values.save(next, now);
      await this.outbox.record('indicators.indicator-value.changed.v1', {
        ...next,
        catalogue: indicator.catalogue.code,
        previousLevel: before?.level ?? null,
        computedAt: now.toISOString(),
      });
      for (const crossing of thresholdCrossings(indicator, before?.level ?? null, next.level))
        await this.outbox.record('indicators.threshold.crossed.v1', {
          structureId,
          practitionerId,
          catalogue: indicator.catalogue.code,
          indicatorCode: indicator.code,
          period,
          ...crossing,
          crossedAt: now.toISOString(),
        });
    }
  }
}
