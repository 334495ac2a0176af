import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { CoordinationError } from '../../domain/coordination-error';
import { MAX_MEETING_MINUTES } from '../../domain/meeting';
import { minuteOfDay } from '../../domain/meeting-planner';
import { checkLocalDate, firstSeriesDate, normaliseSeriesRule, occurrencesOn } from '../../domain/meeting-series';
import { assertUuid } from '../input-checks';
import { ChangeMeetingHandler } from '../meetings/change-meeting.handler';
import { ScheduleMeetingHandler } from '../meetings/schedule-meeting.handler';
import { assertMember, assertRole, inputStructureFor, PERMISSIONS } from '../permissions';
import { MeetingRepository, type Meeting } from '../ports/meeting.repository';
import { MeetingSeriesRepository, type MeetingSeries } from '../ports/meeting-series.repository';
import { TeamRepository } from '../ports/team.repository';
import { horizonFrom, SeriesExtension } from './series-extension';

export interface CreateMeetingSeriesInput {
  structureId: string;
  kind: string;
  title: string;
  /** RFC 5545 RRULE choosing the dates, e.g. FREQ=MONTHLY;BYDAY=1TU. */
  rrule: string;
  localStartTime: string;
  durationMinutes: number;
  startsOn: string;
  endsOn?: string | null;
  siteId?: string | null;
  videoLink?: string | null;
  inviteeIds: string[];
}

export interface SeriesWithOccurrences {
  series: MeetingSeries;
  occurrences: Meeting[];
}

const ENDED_REASON = 'Fin de la série de réunions';

/**
 * COO-1: recurring meetings (the first Tuesday of the month, 12:30–14:00). A series is a rule; its occurrences are
 * meetings, written a horizon ahead and extended by the sweep, so everything a meeting does (invitations, agendas
 * blocked, reminders, minutes) a series' meeting does too.
 */
@Injectable()
export class MeetingSeriesHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly series: MeetingSeriesRepository,
    private readonly meetings: MeetingRepository,
    private readonly team: TeamRepository,
    private readonly schedule: ScheduleMeetingHandler,
    private readonly change: ChangeMeetingHandler,
    private readonly extension: SeriesExtension,
    private readonly clock: Clock,
  ) {}

  async create(user: UserContext, input: CreateMeetingSeriesInput): Promise<SeriesWithOccurrences> {
    const structureId = inputStructureFor(user, input.structureId, PERMISSIONS.organiseMeetings);
    const rrule = normaliseSeriesRule(input.rrule, 'input.rrule');
    const startMinute = minuteOfDay(input.localStartTime, 'input.localStartTime');
    const duration = input.durationMinutes;
    if (!Number.isInteger(duration) || duration < 5 || duration > MAX_MEETING_MINUTES)
      throw CoordinationError.invalid('input.durationMinutes', `must be 5 to ${MAX_MEETING_MINUTES} minutes`);
    if (startMinute + duration > 24 * 60)
      throw CoordinationError.invalid('input.durationMinutes', 'a meeting of a series ends on the day it starts');
    const startsOn = checkLocalDate(input.startsOn, 'input.startsOn');
    const endsOn = input.endsOn ? checkLocalDate(input.endsOn, 'input.endsOn') : null;
    if (endsOn && endsOn < startsOn) throw CoordinationError.invalid('input.endsOn', 'must not be before startsOn');
    const firstDate = firstSeriesDate(rrule, startsOn, endsOn, 'input.rrule');
    const timeZone = await this.team.structureTimeZone(structureId);
    const [first] = occurrencesOn([firstDate], input.localStartTime, duration, timeZone);
    // The fields every occurrence shares, checked once as a meeting's (kind, title, venue, invitees).
    const draft = await this.schedule.draft(
      structureId,
      { ...input, startsAt: first.startsAt.toISOString(), endsAt: first.endsAt.toISOString() },
      user.memberId,
    );
    const now = this.clock.now();
    const id = randomUUID();
    return this.transactions.run(async () => {
      await this.series.insert({
        id,
        structureId,
        kind: draft.kind,
        title: draft.title,
        rrule,
        timeZone,
        localStart: input.localStartTime,
        durationMinutes: duration,
        siteId: draft.siteId,
        videoLink: draft.videoLink,
        inviteeIds: draft.inviteeIds,
        startsOn,
        endsOn,
        organizerId: user.memberId,
        createdAt: now,
      });
      const series = (await this.series.lock(id)) as MeetingSeries;
      await this.extension.extend(series, horizonFrom(now), now);
      return this.withOccurrences(id);
    });
  }

  /** Ends the series: its future meetings are cancelled (invitees told, agendas freed), past ones stay as they were. */
  async end(user: UserContext, input: { seriesId: string }): Promise<SeriesWithOccurrences> {
    const seriesId = assertUuid(input.seriesId, 'input.seriesId');
    return this.transactions.run(async () => {
      const series = await this.series.lock(seriesId);
      const unseen = CoordinationError.notFound('Meeting series', 'input.seriesId');
      if (!series) throw unseen;
      assertRole(user, series.structureId, PERMISSIONS.organiseMeetings, unseen);
      if (series.endedAt) return this.withOccurrences(seriesId);
      const now = this.clock.now();
      await this.series.end(seriesId, now);
      for (const meetingId of await this.series.scheduledAfter(seriesId, now))
        await this.change.cancel(user, { meetingId, reason: ENDED_REASON });
      return this.withOccurrences(seriesId);
    });
  }

  async byId(user: UserContext, seriesId: string): Promise<SeriesWithOccurrences> {
    const series = await this.series.byId(assertUuid(seriesId, 'id'));
    const unseen = CoordinationError.notFound('Meeting series', 'id');
    if (!series) throw unseen;
    assertMember(user, series.structureId, unseen);
    return this.withOccurrences(seriesId);
  }

  private async withOccurrences(seriesId: string): Promise<SeriesWithOccurrences> {
    const series = (await this.series.byId(seriesId)) as MeetingSeries;
    const occurrences = await this.meetings.many(await this.series.occurrenceIds(seriesId));
    return { series, occurrences: occurrences.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()) };
  }
}
