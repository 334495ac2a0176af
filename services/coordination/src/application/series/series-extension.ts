import { Injectable, Logger } from '@nestjs/common';
import { localDateOf, occurrencesOn, seriesDates } from '../../domain/meeting-series';
import { ScheduleMeetingHandler } from '../meetings/schedule-meeting.handler';
import { MeetingSeriesRepository, type MeetingSeries } from '../ports/meeting-series.repository';
import { TeamRepository } from '../ports/team.repository';

/** How far ahead a series' meetings exist as meetings: invitees see them in their agendas a quarter ahead. */
export const SERIES_HORIZON_DAYS = 90;

export const horizonFrom = (now: Date): Date => new Date(now.getTime() + SERIES_HORIZON_DAYS * 86_400_000);

/**
 * Writes a series' occurrences up to an instant, in the caller's transaction with the series locked: each one a
 * meeting like any other (invitations, reminders, the event scheduling blocks agendas from). Starts from where the
 * series was last written, so an occurrence moved or cancelled by hand is never placed again; the unique
 * (series, start) keeps a repeated extension from doubling one.
 */
@Injectable()
export class SeriesExtension {
  private readonly logger = new Logger(SeriesExtension.name);

  constructor(
    private readonly series: MeetingSeriesRepository,
    private readonly team: TeamRepository,
    private readonly meetings: ScheduleMeetingHandler,
  ) {}

  /** The number of meetings written. */
  async extend(series: MeetingSeries, until: Date, now: Date): Promise<number> {
    const from = series.materialisedUntil && series.materialisedUntil > now ? series.materialisedUntil : now;
    if (from.getTime() >= until.getTime()) return 0;
    const last = localDateOf(until, series.timeZone);
    const dates = seriesDates(
      series.rrule,
      series.startsOn,
      localDateOf(from, series.timeZone),
      series.endsOn && series.endsOn < last ? series.endsOn : last,
    );
    const due = occurrencesOn(dates, series.localStart, series.durationMinutes, series.timeZone).filter(
      (o) => o.startsAt.getTime() >= from.getTime() && o.startsAt.getTime() < until.getTime(),
    );
    let written = 0;
    if (due.length) {
      // Members who left since are no longer invited; the others still are.
      const current = (await this.team.members(series.structureId, series.inviteeIds)).map((m) => m.memberId);
      const invitees = current.filter((id) => id !== series.organizerId);
      for (const occurrence of due) {
        const draft = await this.meetings.draft(
          series.structureId,
          {
            kind: series.kind,
            title: series.title,
            siteId: series.siteId,
            videoLink: series.videoLink,
            startsAt: occurrence.startsAt.toISOString(),
            endsAt: occurrence.endsAt.toISOString(),
            inviteeIds: invitees.length ? invitees : [series.organizerId],
          },
          series.organizerId,
        );
        if (await this.meetings.place(draft, series.organizerId, series.id)) written++;
      }
    }
    await this.series.materialisedUntil(series.id, until);
    if (written) this.logger.log({ msg: 'series extended', seriesId: series.id, written });
    return written;
  }
}
