import { createHash } from 'node:crypto';
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** One day of the demo month, in the structure's zone. */
export interface DemoDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** A French public holiday (mainland calendar): the practice is closed. */
  holiday: boolean;
}

export interface DemoMonth {
  /** `YYYY-MM`, the calendar month before the first start: the dashboard's last complete month. */
  month: string;
  days: DemoDay[];
  /** Monday to Friday, public holidays apart: the days the demo practice works. */
  workingDays: DemoDay[];
}

/**
 * The month every service's demo activity is played in: the calendar month before `now` in `timeZone`, so a first
 * start on any day shows one whole month on the dashboard, the same month in every service.
 */
export function demoMonth(now: Date, timeZone: string): DemoMonth {
  const first = DateTime.fromJSDate(now, { zone: timeZone }).startOf('month').minus({ months: 1 });
  const holidays = new Holidays('FR');
  const days: DemoDay[] = [];
  for (let day = first; day.month === first.month; day = day.plus({ days: 1 })) {
    const date = day.toISODate() as string;
    const holiday = (holidays.isHoliday(new Date(`${date}T12:00:00Z`)) || []).some((h) => h.type === 'public');
    days.push({ date, weekday: day.weekday, holiday });
  }
  return {
    month: first.toFormat('yyyy-MM'),
    days,
    workingDays: days.filter((d) => d.weekday <= 5 && !d.holiday),
  };
}

/**
 * Reproducible draws for demo activity: the same seed (a structure's id and what is drawn) gives the same month on
 * every machine, so the figures it produces can be checked and explained.
 */
export class DemoDraw {
  private readonly rng;

  constructor(seed: string) {
    this.rng = xoroshiro128plus(createHash('sha256').update(seed).digest().readInt32BE(0));
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** True with probability `p` (0 to 1). */
  chance(p: number): boolean {
    return this.int(0, 999_999) < Math.round(p * 1_000_000);
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('DemoDraw.pick needs at least one item');
    return items[this.int(0, items.length - 1)];
  }

  /** A count around `mean` (Poisson, Knuth's method: the means here are small). */
  count(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = this.int(1, 1_000_000) / 1_000_000; p > limit; p *= this.int(1, 1_000_000) / 1_000_000) k += 1;
    return k;
  }

  /** The items in a random order (Fisher–Yates), the input untouched. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}
