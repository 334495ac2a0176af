import { Injectable, Logger } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { DomainError } from '@msp/errors';
import { Clock } from '@msp/service-kit';
import { CoordinationError } from '../../domain/coordination-error';
import { MAX_MEETING_MINUTES } from '../../domain/meeting';
import {
  candidateStarts,
  DEFAULT_EARLIEST,
  DEFAULT_LATEST,
  DEFAULT_WEEKDAYS,
  minuteOfDay,
  proposeMeetings,
  type MeetingProposal,
} from '../../domain/meeting-planner';
import { parseInstant } from '../input-checks';
import { Invitees } from '../meetings/invitees';
import { inputStructureFor, PERMISSIONS } from '../permissions';
import { MemberAgendas } from '../ports/member-agendas.port';
import { TeamRepository } from '../ports/team.repository';

export interface MeetingProposalsInput {
  structureId: string;
  inviteeIds: string[];
  from: string;
  to: string;
  durationMinutes: number;
  earliestLocalTime?: string | null;
  latestLocalTime?: string | null;
  weekdays?: number[] | null;
  limit?: number | null;
}

export interface MeetingProposals {
  proposals: MeetingProposal[];
  /** False when scheduling did not answer in time: no proposals, the meeting is planned by hand. */
  schedulingAvailable: boolean;
  notice: string | null;
  timeZone: string;
}

/** Scheduling's free/busy route answers at most this span. */
export const MAX_PLANNING_DAYS = 62;
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;

export const PLANNING_WITHOUT_PROPOSALS =
  'Les agendas ne sont pas joignables pour le moment : aucune proposition de créneau. ' +
  'Vous pouvez planifier la réunion vous-même ; les invités seront prévenus comme d’habitude.';

/**
 * COO-2: the best times for a meeting, from scheduling's free/busy of every invitee (one call), in the structure's
 * local working hours. Scheduling down or slow is no error: the answer says so and proposes nothing.
 */
@Injectable()
export class MeetingProposalsQuery {
  private readonly logger = new Logger(MeetingProposalsQuery.name);

  constructor(
    private readonly team: TeamRepository,
    private readonly invitees: Invitees,
    private readonly agendas: MemberAgendas,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: MeetingProposalsInput): Promise<MeetingProposals> {
    const structureId = inputStructureFor(user, input.structureId, PERMISSIONS.organiseMeetings);
    const from = parseInstant(input.from, 'input.from');
    const to = parseInstant(input.to, 'input.to');
    if (to.getTime() <= from.getTime()) throw CoordinationError.invalid('input.to', 'must be after from');
    if (to.getTime() - from.getTime() > MAX_PLANNING_DAYS * 86_400_000)
      throw CoordinationError.invalid('input.to', `a planning window spans at most ${MAX_PLANNING_DAYS} days`);
    const duration = input.durationMinutes;
    if (!Number.isInteger(duration) || duration < 15 || duration > MAX_MEETING_MINUTES)
      throw CoordinationError.invalid('input.durationMinutes', `must be 15 to ${MAX_MEETING_MINUTES} minutes`);
    const earliestMinute = minuteOfDay(input.earliestLocalTime ?? DEFAULT_EARLIEST, 'input.earliestLocalTime');
    const latestMinute = minuteOfDay(input.latestLocalTime ?? DEFAULT_LATEST, 'input.latestLocalTime');
    if (latestMinute - earliestMinute < duration)
      throw CoordinationError.invalid(
        'input.latestLocalTime',
        'leaves no room for the meeting after earliestLocalTime',
      );
    const weekdays = input.weekdays ?? DEFAULT_WEEKDAYS;
    if (!weekdays.length || weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
      throw CoordinationError.invalid('input.weekdays', 'ISO weekdays, 1 (Monday) to 7 (Sunday)');
    const limit = input.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      throw CoordinationError.invalid('input.limit', `must be 1 to ${MAX_LIMIT}`);
    const invited = await this.invitees.of(structureId, input.inviteeIds);
    // The organiser is always invited (scheduleMeeting adds them): their time counts too.
    const memberIds = [...new Set([user.memberId, ...invited.map((m) => m.memberId)])];
    const timeZone = await this.team.structureTimeZone(structureId);
    const now = this.clock.now();
    const start = from.getTime() < now.getTime() ? now : from;
    const answer = (proposals: MeetingProposal[], available: boolean): MeetingProposals => ({
      proposals,
      schedulingAvailable: available,
      notice: available ? null : PLANNING_WITHOUT_PROPOSALS,
      timeZone,
    });
    if (start.getTime() >= to.getTime()) return answer([], true);
    const candidates = candidateStarts({
      from: start,
      to,
      timeZone,
      durationMinutes: duration,
      earliestMinute,
      latestMinute,
      weekdays,
    });
    if (!candidates.length) return answer([], true);
    let times;
    try {
      times = await this.agendas.freeBusy(memberIds, start, to);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'unavailable') {
        this.logger.warn(`Free/busy unavailable, planning without proposals: ${error.message}`);
        return answer([], false);
      }
      throw error;
    }
    const known = new Map(times.map((t) => [t.memberId, t]));
    // A member scheduling does not answer for holds no agenda there: free, as scheduling itself says.
    const invitees = memberIds.map((memberId) => known.get(memberId) ?? { memberId, busy: [], consultingHours: [] });
    return answer(proposeMeetings(candidates, invitees, limit), true);
  }
}
