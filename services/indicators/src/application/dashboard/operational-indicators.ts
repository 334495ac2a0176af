import { Injectable } from '@nestjs/common';
import { catalogueInForce, type IndicatorDefinition } from '../../domain/catalogue-loader';
import {
  addActivity,
  COMPUTED_OPERATIONAL_CODES,
  NO_ACTIVITY,
  operationalValues,
  timeFreedOf,
  type ActivityCounts,
  type ComputedOperationalCode,
} from '../../domain/operational-values';
import type { Period } from '../../domain/period';
import { score, type IndicatorValues, type Score } from '../../domain/scoring';
import type { TimeFreed } from '../../domain/time-freed';
import { IndicatorData } from '../indicator-data';
import { ActivityFactsRepository, type PractitionerActivity } from '../ports/activity-facts.repository';

/** Codes that are the structure's only: a practitioner's figure has no meeting or protocol of its own. */
export const STRUCTURE_ONLY: readonly ComputedOperationalCode[] = ['OPS-PLURIPRO-MEETINGS', 'OPS-PROTOCOLS-ADOPTED'];

export interface OperationalFigures {
  counts: ActivityCounts;
  timeFreed: TimeFreed;
  scores: Array<{ indicator: IndicatorDefinition; values: IndicatorValues; score: Score }>;
}

/**
 * The platform's operational indicators of a structure, or of one practitioner of it, over a period: counted from
 * the facts each time they are asked (nothing accumulated, so a rebuild or a replay cannot drift), then scored by
 * the catalogue in force at the period's start.
 */
@Injectable()
export class OperationalIndicators {
  constructor(
    private readonly facts: ActivityFactsRepository,
    private readonly data: IndicatorData,
  ) {}

  activity(structureId: string, period: Period): Promise<PractitionerActivity[]> {
    return this.facts.activity(structureId, period.start, period.end);
  }

  async figures(structureId: string, period: Period, practitionerId: string | null): Promise<OperationalFigures> {
    const activity = await this.activity(structureId, period);
    const practitioners = practitionerId ? 1 : await this.practitionerCount(structureId, activity);
    return this.figuresOf(activity, period, practitionerId, practitioners);
  }

  figuresOf(
    activity: readonly PractitionerActivity[],
    period: Period,
    practitionerId: string | null,
    practitioners: number,
  ): OperationalFigures {
    const counts = practitionerId
      ? (activity.find((a) => a.practitionerId === practitionerId)?.counts ?? NO_ACTIVITY)
      : activity.reduce((sum, a) => addActivity(sum, a.counts), NO_ACTIVITY);
    const timeFreed = timeFreedOf(counts, period.days, practitioners, this.data.timeFreedParameters);
    const values = operationalValues(counts, timeFreed);
    const catalogue = catalogueInForce(this.data.catalogues, 'OPERATIONAL', period.start);
    const scores = COMPUTED_OPERATIONAL_CODES.filter((code) => !practitionerId || !STRUCTURE_ONLY.includes(code)).map(
      (code) => {
        const indicator = catalogue.indicators.find((i) => i.code === code) as IndicatorDefinition;
        const context = {
          scope: practitionerId ? ('practitioner' as const) : ('structure' as const),
          period: { start: period.start, end: period.end },
        };
        return { indicator, values: values[code], score: score(indicator, values[code], context) };
      },
    );
    return { counts, timeFreed, scores };
  }

  /** The structure's practitioners: its members holding the role, and anyone the facts name, at least one. */
  async practitionerCount(structureId: string, activity: readonly PractitionerActivity[]): Promise<number> {
    const ids = new Set(await this.facts.practitioners(structureId));
    for (const a of activity) if (a.practitionerId) ids.add(a.practitionerId);
    return Math.max(1, ids.size);
  }
}
