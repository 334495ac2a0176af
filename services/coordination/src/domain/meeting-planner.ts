import { DateTime } from 'luxon';
import { CoordinationError } from './coordination-error';

/** A span of time, [startsAt, endsAt). */
export interface TimeSpan {
  startsAt: Date;
  endsAt: Date;
}

/** One invitee's time as the planner weighs it: when they are busy, and when they consult (busy or not). */
export interface InviteeTime {
  memberId: string;
  busy: readonly TimeSpan[];
  consultingHours: readonly TimeSpan[];
}

/** Where and when the planner may propose: local working hours of the structure's zone, on some weekdays. */
export interface PlanningWindow {
  from: Date;
  to: Date;
  timeZone: string;
  durationMinutes: number;
  /** Minutes after local midnight: the earliest start and the latest end. */
  earliestMinute: number;
  latestMinute: number;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
}

export interface MeetingProposal extends TimeSpan {
  /** Invitees free over the whole slot. */
  freeMemberIds: string[];
  /** Invitees busy during some of it, by id order. */
  missingMemberIds: string[];
  /** Free invitees who would leave their consulting hours for it (patients not booked, but time they see patients). */
  inConsultingHoursMemberIds: string[];
}

/** Candidate starts lie on a quarter-hour grid of the structure's local time. */
export const GRID_MINUTES = 15;
/** French MSPs meet between consultations: the lunch break or the evening, on working days. */
export const DEFAULT_EARLIEST = '08:00';
export const DEFAULT_LATEST = '20:00';
export const DEFAULT_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];

/** "12:30" → 750; refused with the field's name otherwise. */
export function minuteOfDay(value: string, field: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) throw CoordinationError.invalid(field, 'must be a local time HH:mm, such as 12:30');
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The starts the planner considers: every quarter hour of local time on the allowed weekdays whose slot fits within
 * local working hours and the window. Built from local wall times in the zone, so a grid day across a DST change keeps
 * 12:30 at 12:30; a local time that does not exist that day (the spring gap) is skipped, not shifted.
 */
export function candidateStarts(window: PlanningWindow): TimeSpan[] {
  const durationMs = window.durationMinutes * 60_000;
  const weekdays = new Set(window.weekdays);
  const spans: TimeSpan[] = [];
  let day = DateTime.fromJSDate(window.from, { zone: window.timeZone }).startOf('day');
  const lastDay = DateTime.fromJSDate(window.to, { zone: window.timeZone }).startOf('day');
  while (day <= lastDay) {
    if (weekdays.has(day.weekday) && !linearDay(day, window, spans)) {
      for (
        let minute = roundUp(window.earliestMinute);
        minute + window.durationMinutes <= window.latestMinute;
        minute += GRID_MINUTES
      ) {
        const start = day.set({ hour: Math.floor(minute / 60), minute: minute % 60 });
        if (start.hour * 60 + start.minute !== minute) continue;
        const startsAt = start.toJSDate();
        const endsAt = new Date(startsAt.getTime() + durationMs);
        const end = DateTime.fromJSDate(endsAt, { zone: window.timeZone });
        // The autumn change lengthens a night, never a meeting's wall-clock span: check the end's own wall time.
        if (!end.hasSame(start, 'day') || end.hour * 60 + end.minute > window.latestMinute) continue;
        if (startsAt.getTime() < window.from.getTime() || endsAt.getTime() > window.to.getTime()) continue;
        spans.push({ startsAt, endsAt });
      }
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  return spans;
}

const roundUp = (minute: number): number => Math.ceil(minute / GRID_MINUTES) * GRID_MINUTES;

/**
 * Most days no clock change falls within working hours: the zone's offset is the same at the earliest start and the
 * latest end, and wall minutes map to instants by arithmetic. Zone lookups are what a month of quarter hours costs:
 * such a day takes two in all instead of three per candidate. False (nothing added) when the offset changes within
 * the hours.
 */
function linearDay(day: DateTime, window: PlanningWindow, spans: TimeSpan[]): boolean {
  const first = roundUp(window.earliestMinute);
  const opening = day.set({ hour: Math.floor(first / 60), minute: first % 60 });
  const closing = day.set({ hour: Math.floor(window.latestMinute / 60), minute: window.latestMinute % 60 });
  if (
    opening.offset !== closing.offset ||
    opening.hour * 60 + opening.minute !== first ||
    closing.hour * 60 + closing.minute !== window.latestMinute
  )
    return false;
  const base = opening.toMillis();
  for (let minute = first; minute + window.durationMinutes <= window.latestMinute; minute += GRID_MINUTES) {
    const startsAt = base + (minute - first) * 60_000;
    const endsAt = startsAt + window.durationMinutes * 60_000;
    if (startsAt < window.from.getTime() || endsAt > window.to.getTime()) continue;
    spans.push({ startsAt: new Date(startsAt), endsAt: new Date(endsAt) });
  }
  return true;
}

/**
 * Every candidate weighed against every invitee's time, in one sweep per invitee (candidates and intervals both by
 * start), then ranked: fewest missing first (all free comes first; a partial proposal names who is missing); then the
 * fewest free invitees pulled out of their consulting hours (the lunch break and the evening cost no consultation);
 * then the earliest. Proposals never overlap one another: the next best slot that overlaps a chosen one is the same
 * meeting a quarter of an hour later, not another option.
 */
export function proposeMeetings(
  candidates: readonly TimeSpan[],
  invitees: readonly InviteeTime[],
  limit: number,
): MeetingProposal[] {
  const ordered = [...candidates].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const busyOf = invitees.map((i) => overlapsEach(ordered, merged(i.busy)));
  const consultingOf = invitees.map((i) => overlapsEach(ordered, merged(i.consultingHours)));
  const ids = invitees.map((i) => i.memberId);
  const proposals = ordered.map((span, c): MeetingProposal & { rank: number[] } => {
    const free = ids.filter((_, i) => !busyOf[i][c]);
    const missing = ids.filter((_, i) => busyOf[i][c]).sort();
    const consulting = ids.filter((_, i) => !busyOf[i][c] && consultingOf[i][c]).sort();
    return {
      ...span,
      freeMemberIds: free.sort(),
      missingMemberIds: missing,
      inConsultingHoursMemberIds: consulting,
      rank: [missing.length, consulting.length, span.startsAt.getTime()],
    };
  });
  proposals.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2]);
  const chosen: MeetingProposal[] = [];
  for (const { rank: _rank, ...proposal } of proposals) {
    if (chosen.length >= limit) break;
    if (chosen.some((p) => overlaps(p, proposal))) continue;
    chosen.push(proposal);
  }
  return chosen;
}

const overlaps = (a: TimeSpan, b: TimeSpan): boolean =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

/** Sorted, merged intervals: what another service sends is not trusted to be either. */
function merged(spans: readonly TimeSpan[]): TimeSpan[] {
  const sorted = spans
    .filter((s) => s.endsAt.getTime() > s.startsAt.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const out: TimeSpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.startsAt.getTime() <= last.endsAt.getTime()) {
      if (span.endsAt.getTime() > last.endsAt.getTime()) out[out.length - 1] = { ...last, endsAt: span.endsAt };
    } else out.push(span);
  }
  return out;
}

/** For candidates by start and merged intervals, whether each candidate overlaps one: a single forward pass. */
function overlapsEach(candidates: readonly TimeSpan[], intervals: readonly TimeSpan[]): boolean[] {
  let next = 0;
  return candidates.map((c) => {
    while (next < intervals.length && intervals[next].endsAt.getTime() <= c.startsAt.getTime()) next++;
    return next < intervals.length && intervals[next].startsAt.getTime() < c.endsAt.getTime();
  });
}
