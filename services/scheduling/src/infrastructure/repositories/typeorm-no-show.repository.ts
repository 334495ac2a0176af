import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NoShowRepository, type NoShowCount } from '../../application/ports/no-show.repository';

/** Done and no-show appointments per practitioner and month (the month of each appointment in its site's zone). */
@Injectable()
export class TypeOrmNoShowRepository implements NoShowRepository {
  constructor(private readonly db: DataSource) {}

  async counts(
    structureId: string,
    fromMonth: string,
    toMonth: string,
    practitionerId: string | null,
  ): Promise<NoShowCount[]> {
    const rows: Array<{ practitioner_id: string; month: string; completed: string; no_shows: string }> =
      await this.db.query(
        `select a.practitioner_id, to_char(a.starts_at at time zone s.time_zone, 'YYYY-MM') as month,
              count(*) filter (where a.status = 'done') as completed, count(*) filter (where a.status = 'no_show') as no_shows
         from appointment a join site_ref s on s.site_id = a.site_id
        where a.structure_id = $1 and a.status in ('done', 'no_show') and ($4::uuid is null or a.practitioner_id = $4)
          and to_char(a.starts_at at time zone s.time_zone, 'YYYY-MM') between $2 and $3
          and a.starts_at >= (to_date($2, 'YYYY-MM') - interval '1 day') and a.starts_at < (to_date($3, 'YYYY-MM') + interval '1 month 1 day')
        group by 1, 2 order by 2, 1`,
        [structureId, fromMonth, toMonth, practitionerId],
      );
    return rows.map((r) => ({
      practitionerId: r.practitioner_id,
      month: r.month,
      completed: Number(r.completed),
      noShows: Number(r.no_shows),
    }));
  }
}
