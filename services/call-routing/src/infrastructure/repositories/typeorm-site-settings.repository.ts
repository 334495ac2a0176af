import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { SiteSettingsRepository, type SiteCallSettings } from '../../application/ports/site-settings.repository';
import type { HolidayTerritory } from '../../domain/calendar/site-calendar';

interface Row {
  site_id: string;
  structure_id: string;
  territory: HolidayTerritory;
  worked_holidays: string[];
  duty_roster: string[];
  remote_queue: string | null;
  booking_motif_id: string | null;
  updated_at: Date;
  updated_by: string | null;
}

const toSettings = (r: Row): SiteCallSettings => ({
  siteId: r.site_id,
  structureId: r.structure_id,
  territory: r.territory,
  workedHolidays: r.worked_holidays,
  dutyRoster: r.duty_roster,
  remoteQueue: r.remote_queue,
  bookingMotifId: r.booking_motif_id,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** A site's call settings, one row per site (absent: the defaults apply). */
@Injectable()
export class TypeOrmSiteSettingsRepository implements SiteSettingsRepository {
  constructor(private readonly db: DataSource) {}

  async get(siteId: string): Promise<SiteCallSettings | null> {
    const [row]: Row[] = await this.manager().query(`select * from site_call_settings where site_id = $1`, [siteId]);
    return row ? toSettings(row) : null;
  }

  async save(settings: SiteCallSettings): Promise<SiteCallSettings> {
    const [row]: Row[] = await this.manager().query(
      `insert into site_call_settings
         (site_id, structure_id, territory, worked_holidays, duty_roster, remote_queue, booking_motif_id, updated_at,
          updated_by)
       values ($1, $2, $3, $4::text[], $5::uuid[], $6, $7, $8, $9)
       on conflict (site_id) do update
         set structure_id = excluded.structure_id, territory = excluded.territory,
             worked_holidays = excluded.worked_holidays, duty_roster = excluded.duty_roster,
             remote_queue = excluded.remote_queue, booking_motif_id = excluded.booking_motif_id,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by
       returning *`,
      [
        settings.siteId,
        settings.structureId,
        settings.territory,
        settings.workedHolidays,
        settings.dutyRoster,
        settings.remoteQueue,
        settings.bookingMotifId,
        settings.updatedAt,
        settings.updatedBy,
      ],
    );
    return toSettings(row);
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}
