import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  AgendaAbsence,
  AgendaAppointment,
  AgendaMeetingBlock,
  AgendaPractitioner,
  AgendaSite,
} from '../../domain/agenda-view';
import type { LocalDate } from '../../domain/local-date';
import type { OpeningRange } from '../../domain/opening-range';
import { OpeningRangeEntity } from '../entities/opening-range.entity';
import { openingRangeFromEntity } from '../mappers/opening-range.mapper';
import { toAgendaAppointment, type AppointmentRow } from './agenda-view.rows';
import { AgendaViewRepository, type AppointmentWindow } from '../../application/ports/agenda-view.repository';

/** Live appointments and unexpired holds, with their motif's label. */
const LIVE_APPOINTMENTS = `
  select a.id, a.structure_id, a.site_id, a.practitioner_id, a.motif_id, m.label as motif_label, a.patient_id, a.status, a.starts_at, a.ends_at,
         a.booking_structure_id
    from appointment a join motif m on m.id = a.motif_id
   where a.status <> 'cancelled' and not (a.status = 'held' and a.hold_expires_at <= $1)`;

/** Reads of the shared agenda views (SCH-7), the federated fields (GW-1) and free/busy; read-only. */
@Injectable()
export class TypeOrmAgendaViewRepository implements AgendaViewRepository {
  constructor(private readonly db: DataSource) {}

  async structureSites(structureId: string): Promise<AgendaSite[]> {
    const rows: Array<{ site_id: string; time_zone: string }> = await this.db.query(
      `select site_id, time_zone from site_ref where structure_id = $1 order by site_id`,
      [structureId],
    );
    return rows.map((row) => ({ siteId: row.site_id, timeZone: row.time_zone }));
  }

  /** Current members practising at one of the sites, or with a range there; optionally of one profession. */
  async practitioners(
    structureId: string,
    siteIds: readonly string[],
    profession?: string | null,
  ): Promise<AgendaPractitioner[]> {
    const rows: Array<{ member_id: string; profession: string }> = await this.db.query(
      `select t.member_id, t.profession from team_member t
        where t.structure_id = $1 and t.left_at is null and ($3::text is null or t.profession = $3)
          and (('practitioner' = any(t.roles) and t.site_ids && $2::uuid[])
               or exists (select 1 from opening_range r where r.practitioner_id = t.member_id and r.structure_id = t.structure_id and r.site_id = any($2)))
        order by t.profession, t.member_id`,
      [structureId, [...siteIds], profession ?? null],
    );
    return rows.map((row) => ({ practitionerId: row.member_id, profession: row.profession }));
  }

  async appointmentsAtSites(
    structureId: string,
    siteIds: readonly string[],
    window: AppointmentWindow,
  ): Promise<AgendaAppointment[]> {
    return this.appointments(`and a.structure_id = $4 and a.site_id = any($5)`, window, [structureId, [...siteIds]]);
  }

  async appointmentsOfPractitioners(
    practitionerIds: readonly string[],
    structureIds: readonly string[],
    window: AppointmentWindow,
  ): Promise<AgendaAppointment[]> {
    if (!practitionerIds.length) return [];
    return this.appointments(`and a.practitioner_id = any($4) and a.structure_id = any($5)`, window, [
      [...practitionerIds],
      [...structureIds],
    ]);
  }

  async appointmentsOfPatients(
    patientIds: readonly string[],
    structureIds: readonly string[],
    window: AppointmentWindow,
  ): Promise<AgendaAppointment[]> {
    if (!patientIds.length) return [];
    // A pooled SNP booking is also its booking MSP's, whose patient it is.
    return this.appointments(
      `and a.patient_id = any($4) and (a.structure_id = any($5) or a.booking_structure_id = any($5))`,
      window,
      [[...patientIds], [...structureIds]],
    );
  }

  async absences(practitionerIds: readonly string[], start: Date, end: Date): Promise<AgendaAbsence[]> {
    if (!practitionerIds.length) return [];
    const rows: Array<{
      id: string;
      structure_id: string;
      practitioner_id: string;
      kind: AgendaAbsence['kind'];
      starts_at: Date;
      ends_at: Date;
    }> = await this.db.query(
      `select id, structure_id, practitioner_id, kind, starts_at, ends_at from schedule_exception
        where practitioner_id = any($1) and tstzrange(starts_at, ends_at, '[)') && tstzrange($2, $3, '[)')
        order by starts_at`,
      [[...practitionerIds], start, end],
    );
    return rows.map((row) => ({
      id: row.id,
      structureId: row.structure_id,
      practitionerId: row.practitioner_id,
      kind: row.kind,
      start: row.starts_at,
      end: row.ends_at,
    }));
  }

  async meetingBlocks(
    structureId: string,
    practitionerIds: readonly string[],
    start: Date,
    end: Date,
  ): Promise<AgendaMeetingBlock[]> {
    if (!practitionerIds.length) return [];
    const rows: Array<{ practitioner_id: string; starts_at: Date; ends_at: Date }> = await this.db.query(
      `select b.practitioner_id, lower(b.during) as starts_at, upper(b.during) as ends_at
         from practitioner_busy b
         join meeting_block m on m.meeting_id = b.meeting_id and m.member_id = b.practitioner_id
        where b.source = 'meeting' and b.practitioner_id = any($1) and b.during && tstzrange($2, $3, '[)')
          and m.structure_id = $4
        order by starts_at`,
      [[...practitionerIds], start, end, structureId],
    );
    return rows.map((row) => ({ practitionerId: row.practitioner_id, start: row.starts_at, end: row.ends_at }));
  }

  /** Ranges of each site still valid on or after that site's `from`. */
  async siteRanges(sites: ReadonlyArray<{ siteId: string; from: LocalDate }>): Promise<OpeningRange[]> {
    if (!sites.length) return [];
    const entities = await this.db
      .getRepository(OpeningRangeEntity)
      .createQueryBuilder('r')
      .where(
        `exists (select 1 from unnest(cast(:siteIds as uuid[]), cast(:froms as date[])) as s (site_id, from_date)
                  where s.site_id = r.site_id and (r.valid_until is null or r.valid_until >= s.from_date))`,
        { siteIds: sites.map((site) => site.siteId), froms: sites.map((site) => site.from) },
      )
      .orderBy('r.practitioner_id')
      .addOrderBy('r.start_time')
      .getMany();
    return entities.map(openingRangeFromEntity);
  }

  /** Every range of these members, whatever the structure, valid at some point between two dates, with its site's zone. */
  async memberRanges(
    memberIds: readonly string[],
    from: LocalDate,
    to: LocalDate,
  ): Promise<Array<{ range: OpeningRange; timeZone: string }>> {
    if (!memberIds.length) return [];
    const ranges = await this.db
      .getRepository(OpeningRangeEntity)
      .createQueryBuilder('r')
      .where('r.practitioner_id = any(:memberIds)', { memberIds: [...memberIds] })
      .andWhere('r.valid_from <= :to and (r.valid_until is null or r.valid_until >= :from)', { from, to })
      .getMany();
    const zones = await this.zonesOf([...new Set(ranges.map((r) => r.siteId))]);
    return ranges.flatMap((r) =>
      zones.has(r.siteId) ? [{ range: openingRangeFromEntity(r), timeZone: zones.get(r.siteId) as string }] : [],
    );
  }

  private async zonesOf(siteIds: string[]): Promise<Map<string, string>> {
    if (!siteIds.length) return new Map();
    const rows: Array<{ site_id: string; time_zone: string }> = await this.db.query(
      `select site_id, time_zone from site_ref where site_id = any($1)`,
      [siteIds],
    );
    return new Map(rows.map((row) => [row.site_id, row.time_zone]));
  }

  private async appointments(
    filter: string,
    window: AppointmentWindow,
    parameters: unknown[],
  ): Promise<AgendaAppointment[]> {
    const rows: AppointmentRow[] = await this.db.query(
      `${LIVE_APPOINTMENTS} and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange($2, $3, '[)') ${filter} order by a.starts_at, a.practitioner_id`,
      [window.now, window.start, window.end, ...parameters],
    );
    return rows.map(toAgendaAppointment);
  }
}
