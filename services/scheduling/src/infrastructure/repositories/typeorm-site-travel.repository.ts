import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { activeManager, requireActiveManager } from '@msp/persistence';
import type { ZonedRange } from '../../domain/range-overlap';
import type { SitedInterval, SiteTravel } from '../../domain/site-travel';
import { SiteTravelRepository } from '../../application/ports/site-travel.repository';
import { OpeningRangeEntity } from '../entities/opening-range.entity';
import { SiteRefEntity } from '../entities/site-ref.entity';
import { TeamMemberEntity } from '../entities/team-member.entity';
import { openingRangeFromEntity } from '../mappers/opening-range.mapper';

interface TravelRow {
  structure_id: string;
  site_a: string;
  site_b: string;
  minutes: number;
}

const toTravel = (row: TravelRow): SiteTravel => ({
  structureId: row.structure_id,
  siteId: row.site_a,
  otherSiteId: row.site_b,
  minutes: row.minutes,
});

/** Travel times (one row per unordered pair of sites) and the reads a multi-site day is checked against. */
@Injectable()
export class TypeOrmSiteTravelRepository implements SiteTravelRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db(): EntityManager {
    return activeManager() ?? this.dataSource.manager;
  }

  async ofStructure(structureId: string): Promise<SiteTravel[]> {
    const rows: TravelRow[] = await this.db.query(
      `select * from site_travel_time where structure_id = $1 order by site_a, site_b`,
      [structureId],
    );
    return rows.map(toTravel);
  }

  async involving(siteIds: readonly string[]): Promise<SiteTravel[]> {
    if (!siteIds.length) return [];
    const rows: TravelRow[] = await this.db.query(
      `select * from site_travel_time where site_a = any($1) or site_b = any($1)`,
      [siteIds],
    );
    return rows.map(toTravel);
  }

  async set(travel: SiteTravel, by: string, at: Date): Promise<void> {
    const [a, b] = [travel.siteId, travel.otherSiteId].sort();
    const db = requireActiveManager('Setting a travel time');
    if (travel.minutes === 0) {
      await db.query(`delete from site_travel_time where site_a = $1 and site_b = $2`, [a, b]);
      return;
    }
    await db.query(
      `insert into site_travel_time (structure_id, site_a, site_b, minutes, updated_by, updated_at)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (site_a, site_b) do update set minutes = excluded.minutes, updated_by = excluded.updated_by,
                                                  updated_at = excluded.updated_at`,
      [travel.structureId, a, b, travel.minutes, by, at],
    );
  }

  async sitedBusy(
    practitionerId: string,
    start: Date,
    end: Date,
    now: Date,
    ignoreAppointmentId?: string | null,
  ): Promise<SitedInterval[]> {
    const rows: Array<{ site_id: string; starts_at: Date; ends_at: Date }> = await this.db.query(
      `select site_id, starts_at, ends_at from appointment
        where practitioner_id = $1 and tstzrange(starts_at, ends_at, '[)') && tstzrange($2, $3, '[)')
          and status <> 'cancelled' and not (status = 'held' and hold_expires_at <= $4)
          and id is distinct from $5::uuid`,
      [practitionerId, start, end, now, ignoreAppointmentId ?? null],
    );
    return rows.map((row) => ({ siteId: row.site_id, start: row.starts_at, end: row.ends_at }));
  }

  async rangesElsewhere(practitionerId: string, siteId: string): Promise<ZonedRange[]> {
    const rows = await this.db
      .getRepository(OpeningRangeEntity)
      .createQueryBuilder('r')
      .innerJoin(
        TeamMemberEntity,
        't',
        't.member_id = r.practitioner_id and t.structure_id = r.structure_id and t.left_at is null',
      )
      .innerJoinAndMapOne('r.site', SiteRefEntity, 's', 's.site_id = r.site_id')
      .where('r.practitioner_id = :practitionerId and r.site_id <> :siteId', { practitionerId, siteId })
      .orderBy('r.created_at')
      .getMany();
    return rows.map((row) => ({
      range: openingRangeFromEntity(row),
      timeZone: (row as OpeningRangeEntity & { site: SiteRefEntity }).site.timeZone,
    }));
  }
}
