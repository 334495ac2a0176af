import { Injectable } from '@nestjs/common';
import { openingCapacity } from '../../domain/opening-capacity';
import { NO_ACTIVITY } from '../../domain/operational-values';
import type { Period } from '../../domain/period';
import type { PractitionerActivity } from '../ports/activity-facts.repository';
import { OpeningFactsRepository } from '../ports/opening-facts.repository';

const DAY_MS = 86_400_000;

/**
 * The opening counts of a structure over periods, from scheduling's ranges and absences read once for all of them:
 * the minutes at least one site was open (the structure's, practitioner null) and each practitioner's SNP slots.
 */
@Injectable()
export class OpeningActivity {
  constructor(private readonly facts: OpeningFactsRepository) {}

  async of(structureId: string, periods: readonly Period[]): Promise<PractitionerActivity[][]> {
    if (!periods.length) return [];
    const from = periods.map((p) => p.start).reduce((a, b) => (a < b ? a : b));
    const to = periods.map((p) => p.end).reduce((a, b) => (a > b ? a : b));
    const ranges = await this.facts.ranges(structureId, from, to);
    if (!ranges.length) return periods.map(() => []);
    // Local dates of any zone lie within a day of the UTC dates on each side.
    const absences = await this.facts.absences(
      [...new Set(ranges.map((r) => r.practitionerId))],
      new Date(Date.parse(from) - DAY_MS),
      new Date(Date.parse(to) + 2 * DAY_MS),
    );
    return periods.map((period) => {
      const capacity = openingCapacity(ranges, absences, period.start, period.end);
      const activity: PractitionerActivity[] = [];
      if (capacity.openingMinutes > 0)
        activity.push({ practitionerId: null, counts: { ...NO_ACTIVITY, openingMinutes: capacity.openingMinutes } });
      for (const [practitionerId, snpSlots] of capacity.snpSlots)
        if (snpSlots > 0) activity.push({ practitionerId, counts: { ...NO_ACTIVITY, snpSlots } });
      return activity;
    });
  }
}
