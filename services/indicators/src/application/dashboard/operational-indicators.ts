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
import { OpeningActivity } from './opening-activity';

/**
 * Codes that are the structure's only: a practitioner's figure has no meeting or protocol of its own, and the opening
 * amplitude is the structure's (a practitioner's own ranges are their SNP capacity).
 */
export const STRUCTURE_ONLY: readonly ComputedOperationalCode[] = [
  'OPS-PLURIPRO-MEETINGS',
  'OPS-PROTOCOLS-ADOPTED',
  'OPS-OPENING-AMPLITUDE',
];

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
    private readonly opening: OpeningActivity,
    private readonly data: IndicatorData,
  ) {}

  /** The period's activity: the facts' counts and the opening of scheduling's ranges. */
  async activity(structureId: string, period: Period): Promise<PractitionerActivity[]> {
    const facts = await this.facts.activity(structureId, period.start, period.end);
    const [opening] = await this.opening.of(structureId, [period]);
    return mergeActivity(facts, opening);
  }

  /** The activity of each month, read at once: one grouped read of the facts and of the ranges for all of them. */
  async monthlyActivity(structureId: string, months: readonly Period[]): Promise<PractitionerActivity[][]> {
    if (!months.length) return [];
    const facts = await this.facts.activityByMonth(structureId, months[0].start, months[months.length - 1].end);
    const opening = await this.opening.of(structureId, months);
    return months.map((month, i) => mergeActivity(facts.get(month.code) ?? [], opening[i]));
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
    const values = operationalValues(counts, timeFreed, period.days);
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
    const [count] = await this.practitionerCounts(structureId, [activity]);
    return count;
  }

  /** `practitionerCount` of each period's activity, the members read once. */
  async practitionerCounts(
    structureId: string,
    activities: ReadonlyArray<readonly PractitionerActivity[]>,
  ): Promise<number[]> {
    const members = await this.facts.practitioners(structureId);
    return activities.map((activity) => {
      const ids = new Set(members);
      for (const a of activity) if (a.practitionerId) ids.add(a.practitionerId);
      return Math.max(1, ids.size);
    });
  }
}

/** Both lists' counts, one entry per practitioner (and one for what is nobody's). */
function mergeActivity(a: readonly PractitionerActivity[], b: readonly PractitionerActivity[]): PractitionerActivity[] {
  if (!b.length) return [...a];
  const merged = new Map<string | null, ActivityCounts>();
  for (const { practitionerId, counts } of [...a, ...b])
    merged.set(practitionerId, addActivity(merged.get(practitionerId) ?? NO_ACTIVITY, counts));
  return [...merged].map(([practitionerId, counts]) => ({ practitionerId, counts }));
}
