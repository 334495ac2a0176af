import { Injectable } from '@nestjs/common';
import { activeManager, requireActiveManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import {
  MeetingSeriesRepository,
  type MeetingSeries,
  type NewMeetingSeries,
} from '../../application/ports/meeting-series.repository';

interface SeriesRow {
  id: string;
  structure_id: string;
  kind: MeetingSeries['kind'];
  title: string;
  rrule: string;
  time_zone: string;
  local_start: string;
  duration_minutes: number;
  site_id: string | null;
  video_link: string | null;
  invitee_ids: string[];
  starts_on: string;
  ends_on: string | null;
  organizer_id: string;
  created_at: Date;
  ended_at: Date | null;
  materialised_until: Date | null;
}

// Dates and times as text: a `date` read through the driver would become a JS Date at the server's midnight.
const COLUMNS = `id, structure_id, kind, title, rrule, time_zone, to_char(local_start, 'HH24:MI') as local_start,
  duration_minutes, site_id, video_link, invitee_ids, starts_on::text as starts_on, ends_on::text as ends_on,
  organizer_id, created_at, ended_at, materialised_until`;

const toSeries = (r: SeriesRow): MeetingSeries => ({
  id: r.id,
  structureId: r.structure_id,
  kind: r.kind,
  title: r.title,
  rrule: r.rrule,
  timeZone: r.time_zone,
  localStart: r.local_start,
  durationMinutes: r.duration_minutes,
  siteId: r.site_id,
  videoLink: r.video_link,
  inviteeIds: r.invitee_ids,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  organizerId: r.organizer_id,
  createdAt: r.created_at,
  endedAt: r.ended_at,
  materialisedUntil: r.materialised_until,
});

@Injectable()
export class TypeOrmMeetingSeriesRepository implements MeetingSeriesRepository {
  constructor(private readonly db: DataSource) {}

  async insert(s: NewMeetingSeries): Promise<void> {
    await requireActiveManager('series write').query(
      `insert into meeting_series (id, structure_id, kind, title, rrule, time_zone, local_start, duration_minutes,
                                   site_id, video_link, invitee_ids, starts_on, ends_on, organizer_id, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        s.id,
        s.structureId,
        s.kind,
        s.title,
        s.rrule,
        s.timeZone,
        s.localStart,
        s.durationMinutes,
        s.siteId,
        s.videoLink,
        s.inviteeIds,
        s.startsOn,
        s.endsOn,
        s.organizerId,
        s.createdAt,
      ],
    );
  }

  async byId(seriesId: string): Promise<MeetingSeries | null> {
    const [row]: SeriesRow[] = await this.manager().query(`select ${COLUMNS} from meeting_series where id = $1`, [
      seriesId,
    ]);
    return row ? toSeries(row) : null;
  }

  async lock(seriesId: string): Promise<MeetingSeries | null> {
    const [row]: SeriesRow[] = await requireActiveManager('series write').query(
      `select ${COLUMNS} from meeting_series where id = $1 for update`,
      [seriesId],
    );
    return row ? toSeries(row) : null;
  }

  async lockShortOf(until: Date, limit: number): Promise<MeetingSeries[]> {
    const rows: SeriesRow[] = await requireActiveManager('series sweep').query(
      `select ${COLUMNS} from meeting_series
       where ended_at is null and (materialised_until is null or materialised_until < $1)
         and (ends_on is null or materialised_until is null or materialised_until < (ends_on + 2)::timestamptz)
       order by materialised_until nulls first, id limit $2 for update skip locked`,
      [until, limit],
    );
    return rows.map(toSeries);
  }

  async materialisedUntil(seriesId: string, until: Date): Promise<void> {
    await requireActiveManager('series write').query(
      `update meeting_series set materialised_until = greatest(materialised_until, $2) where id = $1`,
      [seriesId, until],
    );
  }

  async end(seriesId: string, at: Date): Promise<void> {
    await requireActiveManager('series write').query(`update meeting_series set ended_at = $2 where id = $1`, [
      seriesId,
      at,
    ]);
  }

  async occurrenceIds(seriesId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager().query(
      `select id from meeting where series_id = $1 order by starts_at, id`,
      [seriesId],
    );
    return rows.map((r) => r.id);
  }

  async scheduledAfter(seriesId: string, after: Date): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager().query(
      `select id from meeting where series_id = $1 and status = 'scheduled' and starts_at > $2 order by starts_at, id`,
      [seriesId, after],
    );
    return rows.map((r) => r.id);
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}
