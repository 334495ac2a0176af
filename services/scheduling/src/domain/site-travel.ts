import { DateTime } from 'luxon';
import type { Interval } from './interval';
import { SchedulingError } from './scheduling-error';

export const MAX_TRAVEL_MINUTES = 240;

/** The minutes kept free between two sites of a structure, in either direction. */
export interface SiteTravel {
  structureId: string;
  siteId: string;
  otherSiteId: string;
  minutes: number;
}

/** Time a practitioner is taken somewhere: the site of an appointment or hold; null for a meeting block. */
export interface SitedInterval extends Interval {
  siteId?: string | null;
}

/** Travel minutes between two sites (0 for the same site or a pair nobody set). */
export type TravelMinutes = (siteId: string, otherSiteId: string) => number;

export function travelMinutesOf(pairs: readonly SiteTravel[]): TravelMinutes {
  const minutes = new Map<string, number>();
  for (const pair of pairs) {
    minutes.set(`${pair.siteId}/${pair.otherSiteId}`, pair.minutes);
    minutes.set(`${pair.otherSiteId}/${pair.siteId}`, pair.minutes);
  }
  return (siteId, otherSiteId) => (siteId === otherSiteId ? 0 : (minutes.get(`${siteId}/${otherSiteId}`) ?? 0));
}

/** 0 clears the pair; otherwise whole minutes up to MAX_TRAVEL_MINUTES. */
export function assertTravelMinutes(minutes: number, field: string): number {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_TRAVEL_MINUTES)
    throw SchedulingError.invalid(field, `must be a whole number of minutes from 0 to ${MAX_TRAVEL_MINUTES}`);
  return minutes;
}

/**
 * Busy time as seen from `siteId`: an appointment at another site takes, besides its own time, the travel between the
 * two sites on either side of it — counted from its end to the start of the next appointment here, and from the end of
 * one here to its start. Meeting blocks (no site) and appointments here are left as they are.
 */
export function paddedForTravel<T extends SitedInterval>(
  busy: readonly T[],
  siteId: string,
  travel: TravelMinutes,
): T[] {
  return busy.map((interval) => {
    const minutes = interval.siteId ? travel(interval.siteId, siteId) : 0;
    if (!minutes) return interval;
    return {
      ...interval,
      start: new Date(interval.start.getTime() - minutes * 60_000),
      end: new Date(interval.end.getTime() + minutes * 60_000),
    };
  });
}

/** The first appointment elsewhere that leaves less than the travel time before or after `interval` at `siteId`. */
export function travelConflict(
  interval: Interval,
  siteId: string,
  busy: readonly SitedInterval[],
  travel: TravelMinutes,
): { busy: SitedInterval; minutes: number } | null {
  const sorted = [...busy].sort((a, b) => a.start.getTime() - b.start.getTime());
  for (const other of sorted) {
    const minutes = other.siteId ? travel(other.siteId, siteId) : 0;
    if (!minutes) continue;
    const gap = minutes * 60_000;
    if (interval.start.getTime() < other.end.getTime() + gap && other.start.getTime() < interval.end.getTime() + gap)
      return { busy: other, minutes };
  }
  return null;
}

/** Why a time breaks the travel rule, in the site's wall time: what the desk needs to pick another time. */
export function describeTravelConflict(
  conflict: { busy: SitedInterval; minutes: number },
  interval: Interval,
  timeZone: string,
): string {
  const local = (instant: Date) => DateTime.fromJSDate(instant, { zone: timeZone }).toFormat('HH:mm');
  const gap = conflict.minutes * 60_000;
  const other = conflict.busy;
  const limit =
    other.start.getTime() <= interval.start.getTime()
      ? `the earliest start here is ${local(new Date(other.end.getTime() + gap))}`
      : `the latest end here is ${local(new Date(other.start.getTime() - gap))}`;
  return (
    `${conflict.minutes} minutes of travel are kept between site ${other.siteId ?? '?'} and this site: the ` +
    `practitioner has an appointment there from ${local(other.start)} to ${local(other.end)} (${timeZone}), so ${limit}`
  );
}
