import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { Clock } from '@msp/service-kit';
import { monthOf, parsePeriod } from '../../domain/period';
import { thresholdCrossings } from '../../domain/value-changes';
import { OperationalIndicators } from '../dashboard/operational-indicators';
import { IndicatorValuesRepository } from '../ports/indicator-values.repository';

/**
 * After a fact is kept, recomputes the month it belongs to — for the structure and for the practitioner the fact
 * names — and publishes each indicator whose value moved (and each objective it reached or lost), in the same inbox
 * transaction as the fact: a redelivered or replayed fact changes no value and publishes nothing.
 */
@Injectable()
export class IndicatorValueTracker {
  constructor(
    private readonly indicators: OperationalIndicators,
    private readonly values: IndicatorValuesRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async recompute(
    structureId: string,
    practitionerIds: ReadonlyArray<string | null>,
    localDate: string,
  ): Promise<void> {
    const period = parsePeriod(monthOf(localDate), 'period');
    const activity = await this.indicators.activity(structureId, period);
    const practitioners = await this.indicators.practitionerCount(structureId, activity);
    const now = this.clock.now();
    for (const practitionerId of new Set([null, ...practitionerIds])) {
      const figures = this.indicators.figuresOf(activity, period, practitionerId, practitionerId ? 1 : practitioners);
      const announced = await this.values.announced(structureId, practitionerId, period.code);
      for (const { indicator, values, score } of figures.scores) {
        const before = announced.get(indicator.code);
        const next = {
          structureId,
          practitionerId,
          indicatorCode: indicator.code,
          period: period.code,
          level: score.level === null ? null : Math.round(score.level * 100) / 100,
          numerator: Number(values.numerator ?? values.value ?? 0),
          denominator: values.denominator ?? null,
        };
        const unchanged =
          before !== undefined &&
          before.level === next.level &&
          before.numerator === next.numerator &&
          before.denominator === next.denominator;
        // Nothing measured and nothing said before: no event for an empty month.
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
            period: period.code,
            ...crossing,
            crossedAt: now.toISOString(),
          });
      }
    }
  }
}
