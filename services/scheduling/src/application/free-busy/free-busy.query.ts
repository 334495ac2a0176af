import { Injectable } from '@nestjs/common';
import { clipTo, mergeIntervals } from '../../domain/busy-intervals';
import type { Interval } from '../../domain/interval';
import { addDays, localDateOf } from '../../domain/local-date';
import { rangeOccurrences } from '../../domain/range-occurrences';
import { SchedulingError } from '../../domain/scheduling-error';
import type { PractitionerInterval } from '../../domain/slot-generator';
import { AgendaViewRepository } from '../ports/agenda-view.repository';
import { AgendaRepository } from '../ports/agenda.repository';
import { Clock } from '@msp/service-kit';
import { assertUuid, assertUuids, parseInstant } from '../input-checks';

export interface FreeBusyInput {
  memberIds: string[];
  /** ISO-8601 instants with offset; [from, to). */
  from: string;
  to: string;
  /** A meeting being moved: its own blocks are not counted as busy. */
  ignoreMeetingId?: string | null;
}

export interface FreeBusyInterval {
  startsAt: string;
  endsAt: string;
}

/**
 * One member's time: busy (appointments, live holds, meeting blocks, absences), patientBusy (appointments and live holds
 * only: what a meeting placed there would be refused over) and consulting hours (opening-range occurrences).
 */
export interface MemberFreeBusy {
  memberId: string;
  busy: FreeBusyInterval[];
  patientBusy: FreeBusyInterval[];
  consultingHours: FreeBusyInterval[];
}

const MAX_MEMBERS = 100;
const MAX_SPAN_MS = 62 * 86_400_000;

const toWire = (intervals: readonly Interval[]): FreeBusyInterval[] =>
  intervals.map((i) => ({ startsAt: i.start.toISOString(), endsAt: i.end.toISOString() }));

/**
 * Free/busy of members across all their structures and sites, for planning meetings (COO-2): merged intervals only,
 * never a motif or a patient. Consulting hours are given apart, so the planner may prefer time outside them.
 */
@Injectable()
export class FreeBusyQuery {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly views: AgendaViewRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: FreeBusyInput): Promise<{ from: string; to: string; members: MemberFreeBusy[] }> {
    const memberIds = [...new Set(assertUuids(input.memberIds, 'memberIds'))];
    const ignoreMeetingId = input.ignoreMeetingId ? assertUuid(input.ignoreMeetingId, 'ignoreMeetingId') : null;
    if (!memberIds.length || memberIds.length > MAX_MEMBERS)
      throw SchedulingError.invalid('memberIds', `must list 1 to ${MAX_MEMBERS} member ids`);
    const window = { start: parseInstant(input.from, 'from'), end: parseInstant(input.to, 'to') };
    if (window.end.getTime() <= window.start.getTime()) throw SchedulingError.invalid('to', 'must be after from');
    if (window.end.getTime() - window.start.getTime() > MAX_SPAN_MS)
      throw SchedulingError.invalid('to', 'a window spans at most 62 days');
    // Local dates anywhere on Earth fall within a day either side of the UTC dates.
    const fromDate = addDays(localDateOf(window.start, 'UTC'), -1);
    const toDate = addDays(localDateOf(window.end, 'UTC'), 1);
    const [appointments, meetings, absences, ranges] = await Promise.all([
      this.agenda.patientBusy(memberIds, window.start, window.end, this.clock.now()),
      this.agenda.meetingBusy(memberIds, window.start, window.end, ignoreMeetingId),
      this.agenda.exceptions(memberIds, window.start, window.end),
      this.views.memberRanges(memberIds, fromDate, toDate),
    ]);
    const occurrences = ranges.flatMap(({ range, timeZone }) =>
      rangeOccurrences([range], timeZone, fromDate, toDate).map((o) => ({
        practitionerId: range.practitionerId,
        start: o.start,
        end: o.end,
      })),
    );
    const busy = [...appointments, ...meetings, ...absences];
    const merged = (intervals: readonly PractitionerInterval[], memberId: string) =>
      toWire(
        mergeIntervals(
          clipTo(
            intervals.filter((i) => i.practitionerId === memberId),
            window,
          ),
        ),
      );
    return {
      from: window.start.toISOString(),
      to: window.end.toISOString(),
      members: memberIds.map((memberId) => ({
        memberId,
        busy: merged(busy, memberId),
        patientBusy: merged(appointments, memberId),
        consultingHours: merged(occurrences, memberId),
      })),
    };
  }
}
