import { DemoDraw, type DemoMonth } from '@msp/service-kit';
import { DateTime } from 'luxon';
import type { DemoCallerNumber } from '../application/ports/demo-callers.port';
import type { OpeningHours } from '../application/ports/directory-copy.repository';
import {
  CALLER_PACE,
  CALLS_PER_GP_PER_DAY,
  COLLEAGUE_ON_PLATFORM_SHARE,
  KEYPAD_SHARE,
  KNOWN_NUMBER_SHARE,
  REASON_MIX,
  UNKNOWN_NUMBER_PREFIX,
  type CallReason,
  type ReasonInput,
} from './demo-month.inputs';

/** A site of the structure that answers on a line of its own. */
export interface PlanSite {
  siteId: string;
  /** E.164, the number the caller dials. */
  number: string;
  timeZone: string;
  openingHours: readonly OpeningHours[];
}

export interface DemoMonthPlanInput {
  structureId: string;
  month: DemoMonth;
  /** With the sites each works at (empty: not known, any site of the structure). */
  generalPractitioners: ReadonlyArray<{ memberId: string; siteIds: readonly string[] }>;
  sites: readonly PlanSite[];
  /** The numbers the structure's patients have in the directory, with their médecin traitant. */
  patientNumbers: readonly DemoCallerNumber[];
  /** Lines of the other structures on the platform: where a correspondent on the platform calls from. */
  colleagueNumbers: readonly string[];
}

/** One call of the month: who dials which line when, and what they will press or say. Never its outcome. */
export interface PlannedCall {
  /** The telephony platform's call id: the same plan gives the same ids, so playing it again doubles nothing. */
  providerCallId: string;
  /** The general practitioner whose workload the call is drawn in (the one the caller wants). */
  practitionerId: string;
  siteId: string;
  to: string;
  /** Held in memory only, as the platform holds it. */
  from: string;
  /** What the caller's number is: a patient's number the directory has, a line on the platform, or unknown. */
  caller: 'patient_number' | 'colleague_line' | 'unknown_number';
  reason: CallReason;
  said: { digits: string } | { speech: string };
  at: Date;
  recordingSeconds: number;
  talkSeconds: number;
}

const DAY_SECONDS = 86_400;

/**
 * The month of calls of one structure, from the inputs of `demo-month.inputs.ts`: for each general practitioner and
 * each working day of the month, a Poisson count of calls around CALLS_PER_GP_PER_DAY; each with its reason from
 * REASON_MIX, made to a site drawn uniformly among those open then — for a patient or a correspondent, among the GP's
 * sites (all the structure's when none of them is open or has a line), for anyone else among the structure's — at a
 * time drawn uniformly over that site's opening hours that weekday; its caller's number and what they press or say from
 * the shares of the inputs. Pure and reproducible: every draw is seeded with the structure id and what it draws, and the
 * inputs are taken in a stable order.
 */
export function planDemoMonth(input: DemoMonthPlanInput): PlannedCall[] {
  const seed = (purpose: string) => new DemoDraw(`${input.structureId}:demo-month:${purpose}`);
  const counts = seed('calls-per-day');
  const times = seed('call-times');
  const reasons = seed('reasons');
  const callers = seed('callers');
  const inputs = seed('caller-input');
  const pace = seed('caller-pace');

  const gps = [...input.generalPractitioners].sort((a, b) => a.memberId.localeCompare(b.memberId));
  const sites = [...input.sites].sort((a, b) => a.siteId.localeCompare(b.siteId));
  const numbersOf = new Map<string, string[]>();
  for (const caller of input.patientNumbers)
    if (caller.medecinTraitantId)
      numbersOf.set(caller.medecinTraitantId, [...(numbersOf.get(caller.medecinTraitantId) ?? []), caller.phone]);
  for (const numbers of numbersOf.values()) numbers.sort();
  const colleagues = [...input.colleagueNumbers].sort();

  const calls: Array<Omit<PlannedCall, 'providerCallId'>> = [];
  for (const day of input.month.workingDays) {
    const open = sites.filter((site) => openSecondsOf(site, day.weekday).length > 0);
    for (const gp of gps) {
      const practitionerId = gp.memberId;
      const n = counts.count(CALLS_PER_GP_PER_DAY);
      if (open.length === 0) continue;
      const own = open.filter((site) => gp.siteIds.includes(site.siteId));
      for (let i = 0; i < n; i += 1) {
        const mix = weighted(reasons, REASON_MIX);
        const site = times.pick(mix.source === 'other' || own.length === 0 ? open : own);
        const at = instantIn(site, day.date, day.weekday, times);
        const { from, caller } = callerOf(mix, practitionerId, numbersOf, colleagues, callers);
        calls.push({
          practitionerId,
          siteId: site.siteId,
          to: site.number,
          from,
          caller,
          reason: mix.reason,
          said: inputs.chance(KEYPAD_SHARE) ? { digits: mix.digit } : { speech: inputs.pick(mix.speech) },
          at,
          recordingSeconds: pace.int(...CALLER_PACE.messageSeconds),
          talkSeconds: pace.int(...CALLER_PACE.talkSeconds),
        });
      }
    }
  }
  calls.sort((a, b) => a.at.getTime() - b.at.getTime() || a.practitionerId.localeCompare(b.practitionerId));
  const perDay = new Map<string, number>();
  return calls.map((call) => {
    const date = DateTime.fromJSDate(call.at, { zone: 'UTC' }).toISODate() as string;
    const seq = (perDay.get(date) ?? 0) + 1;
    perDay.set(date, seq);
    return { providerCallId: `demo:${input.structureId}:${date}:${seq}`, ...call };
  });
}

/** The site's opening intervals on that ISO weekday, in seconds since midnight. */
export function openSecondsOf(site: PlanSite, weekday: number): Array<[number, number]> {
  return site.openingHours
    .filter((h) => h.weekday === weekday)
    .map((h): [number, number] => [secondsOf(h.opens), Math.min(secondsOf(h.closes), DAY_SECONDS)])
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
}

function instantIn(site: PlanSite, date: string, weekday: number, draw: DemoDraw): Date {
  const intervals = openSecondsOf(site, weekday);
  const total = intervals.reduce((sum, [from, to]) => sum + (to - from), 0);
  let offset = draw.int(0, total - 1);
  for (const [from, to] of intervals) {
    if (offset < to - from)
      return DateTime.fromISO(date, { zone: site.timeZone })
        .plus({ seconds: from + offset })
        .toJSDate();
    offset -= to - from;
  }
  throw new Error('unreachable: the offset falls in an opening interval');
}

function callerOf(
  mix: ReasonInput,
  practitionerId: string,
  numbersOf: ReadonlyMap<string, readonly string[]>,
  colleagues: readonly string[],
  draw: DemoDraw,
): Pick<PlannedCall, 'from' | 'caller'> {
  const unknown = (): Pick<PlannedCall, 'from' | 'caller'> => ({
    from: `${UNKNOWN_NUMBER_PREFIX}${String(draw.int(0, 9_999)).padStart(4, '0')}`,
    caller: 'unknown_number',
  });
  // The callers have a draw of their own: whatever is drawn here never shifts the times, reasons or inputs.
  if (mix.source === 'patient') {
    const known = draw.chance(KNOWN_NUMBER_SHARE);
    const numbers = numbersOf.get(practitionerId) ?? [];
    return known && numbers.length ? { from: draw.pick(numbers), caller: 'patient_number' } : unknown();
  }
  if (mix.source === 'colleague') {
    const onPlatform = draw.chance(COLLEAGUE_ON_PLATFORM_SHARE);
    return onPlatform && colleagues.length ? { from: draw.pick(colleagues), caller: 'colleague_line' } : unknown();
  }
  return unknown();
}

/** One entry drawn in proportion to its share (the shares add up to 1). */
function weighted<T extends { share: number }>(draw: DemoDraw, entries: readonly T[]): T {
  let point = draw.int(0, 999_999) / 1_000_000;
  for (const entry of entries) {
    if (point < entry.share) return entry;
    point -= entry.share;
  }
  return entries[entries.length - 1];
}

function secondsOf(wall: string): number {
  const [h, m] = wall.split(':').map(Number);
  return h * 3600 + m * 60;
}
