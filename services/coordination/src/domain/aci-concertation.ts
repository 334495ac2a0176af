import { DateTime } from 'luxon';
import { CONCERTATION_KINDS, type MeetingKind, type MeetingStatus } from './meeting';

/** ACI (facts §5): at least 6 concertation meetings a year… */
export const ACI_MEETING_TARGET = 6;
/** …whose cases reach at least 5 % of each GP's eligible patients (médecin traitant, aged 75+ or in ALD). */
export const ACI_SHARE_TARGET_PERCENT = 5;

/** A meeting of the year as the check reads it, with the patients of its cases. */
export interface ConcertationMeeting {
  meetingId: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startsAt: Date;
  pluriprofessional: boolean | null;
  minutesClosedAt: Date | null;
  patientIds: readonly string[];
}

/** One GP's eligible patients, as the directory counts them. */
export interface GpPopulation {
  memberId: string;
  patientCount: number;
  eligibleCount: number;
  eligiblePatientIds: readonly string[];
}

export interface GpShare {
  memberId: string;
  eligibleCount: number;
  /** Distinct eligible patients of the GP whose case was reviewed in a counted meeting this year. */
  reviewedCount: number;
  /** Null when the GP has no eligible patient. */
  sharePercent: number | null;
  met: boolean;
  /** Cases of distinct eligible patients still to review before 31 December to reach the target. */
  casesMissing: number;
}

export interface AciStanding {
  year: number;
  meetingsCounted: number;
  countedMeetingIds: string[];
  meetingsMissing: number;
  /** Days from today (structure's zone) to 31 December of the year; 0 once it is past. */
  daysLeft: number;
  /** Null when the directory did not tell the population: the share cannot be computed now. */
  shares: GpShare[] | null;
}

/**
 * What the ACI counts as concertation: a held meeting of a concertation kind (RCP, synthesis) that met the
 * structure's pluriprofessional rule, with its minutes closed — the written trace.
 */
export function countsForAci(meeting: ConcertationMeeting): boolean {
  return (
    meeting.status === 'held' &&
    CONCERTATION_KINDS.has(meeting.kind) &&
    meeting.pluriprofessional === true &&
    meeting.minutesClosedAt !== null
  );
}

/** The calendar year in the structure's zone, as instants [from, to). */
export function yearWindow(year: number, timeZone: string): { from: Date; to: Date } {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: timeZone });
  return { from: start.toJSDate(), to: start.plus({ years: 1 }).toJSDate() };
}

/** The day the population is asked for: today, or 31 December for a year already over. */
export function populationDate(year: number, timeZone: string, now: Date): string {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const lastDay = DateTime.fromObject({ year, month: 12, day: 31 }, { zone: timeZone });
  return (today < lastDay ? today : lastDay).toISODate() as string;
}

function daysLeft(year: number, timeZone: string, now: Date): number {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const lastDay = DateTime.fromObject({ year, month: 12, day: 31 }, { zone: timeZone });
  return Math.max(0, Math.round(lastDay.diff(today, 'days').days));
}

/** The distinct patients reviewed in counted meetings of the year. */
export function reviewedPatients(meetings: readonly ConcertationMeeting[]): Set<string> {
  return new Set(meetings.filter(countsForAci).flatMap((m) => m.patientIds));
}

function shareOf(gp: GpPopulation, reviewed: ReadonlySet<string>): GpShare {
  const reviewedCount = new Set(gp.eligiblePatientIds.filter((id) => reviewed.has(id))).size;
  // Integer arithmetic: 5 % of n, rounded up, is the number of distinct patients to reach.
  const needed = Math.ceil((gp.eligibleCount * ACI_SHARE_TARGET_PERCENT) / 100);
  return {
    memberId: gp.memberId,
    eligibleCount: gp.eligibleCount,
    reviewedCount,
    sharePercent: gp.eligibleCount > 0 ? Math.round((reviewedCount * 10_000) / gp.eligibleCount) / 100 : null,
    met: reviewedCount * 100 >= gp.eligibleCount * ACI_SHARE_TARGET_PERCENT,
    casesMissing: Math.max(0, needed - reviewedCount),
  };
}

/**
 * Where the structure stands for the ACI's concertation criteria in `year` (COO-7). `meetings` are the structure's
 * meetings; those outside the year (in its zone) are ignored. `population` null: the directory did not answer.
 */
export function aciConcertation(input: {
  year: number;
  timeZone: string;
  now: Date;
  meetings: readonly ConcertationMeeting[];
  population: readonly GpPopulation[] | null;
}): AciStanding {
  const { from, to } = yearWindow(input.year, input.timeZone);
  const ofYear = input.meetings.filter(
    (m) => m.startsAt.getTime() >= from.getTime() && m.startsAt.getTime() < to.getTime(),
  );
  const counted = ofYear.filter(countsForAci);
  const reviewed = reviewedPatients(counted);
  return {
    year: input.year,
    meetingsCounted: counted.length,
    countedMeetingIds: counted.map((m) => m.meetingId),
    meetingsMissing: Math.max(0, ACI_MEETING_TARGET - counted.length),
    daysLeft: daysLeft(input.year, input.timeZone, input.now),
    shares: input.population ? input.population.map((gp) => shareOf(gp, reviewed)) : null,
  };
}

export interface ProposedPatient {
  patientId: string;
  gpId: string;
}

/**
 * Eligible patients for the next agendas: not reviewed in a counted meeting this year, not already on an agenda to
 * come; the GPs furthest from their 5 % first, then taking turns, so every GP's list moves.
 */
export function patientsToReview(
  population: readonly GpPopulation[],
  reviewed: ReadonlySet<string>,
  onAgenda: ReadonlySet<string>,
  limit: number,
): ProposedPatient[] {
  const queues = population
    .map((gp) => ({
      gpId: gp.memberId,
      missing: shareOf(gp, reviewed).casesMissing,
      patients: [...new Set(gp.eligiblePatientIds)].filter((id) => !reviewed.has(id) && !onAgenda.has(id)).sort(),
    }))
    .filter((q) => q.patients.length > 0)
    .sort((a, b) => b.missing - a.missing || a.gpId.localeCompare(b.gpId));
  const proposed: ProposedPatient[] = [];
  const seen = new Set<string>();
  for (let round = 0; proposed.length < limit && queues.some((q) => q.patients.length > round); round++)
    for (const queue of queues) {
      const patientId = queue.patients[round];
      if (!patientId || seen.has(patientId)) continue;
      seen.add(patientId);
      proposed.push({ patientId, gpId: queue.gpId });
      if (proposed.length === limit) break;
    }
  return proposed;
}
