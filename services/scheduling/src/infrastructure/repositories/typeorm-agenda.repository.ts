import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { activeManager, requireActiveManager } from '@msp/persistence';
import type { PractitionerInterval } from '../../domain/slot-generator';
import type { Motif } from '../../domain/motif';
import type { OpeningRange } from '../../domain/opening-range';
import { motifFromEntity, motifToEntity } from '../mappers/motif.mapper';
import { openingRangeFromEntity, openingRangeToEntity } from '../mappers/opening-range.mapper';
import { MotifEntity } from '../entities/motif.entity';
import { OpeningRangeEntity } from '../entities/opening-range.entity';
import { SiteRefEntity } from '../entities/site-ref.entity';
import { TeamMemberEntity } from '../entities/team-member.entity';
import {
  AgendaRepository,
  type RangeFilter,
  type SiteRef,
  type TeamMember,
} from '../../application/ports/agenda.repository';

/** First key of the practitioner agenda locks (the second is the practitioner id's hash): apart from other locks. */
const PRACTITIONER_AGENDA_LOCK_SPACE = 0x5c4ed;

/** Live appointments and unexpired holds ($1 practitioners, [$2, $3) window, $4 now). */
const PATIENT_BUSY = `
  select practitioner_id, starts_at, ends_at, site_id from appointment
   where practitioner_id = any($1) and tstzrange(starts_at, ends_at, '[)') && tstzrange($2, $3, '[)')
     and status <> 'cancelled' and not (status = 'held' and hold_expires_at <= $4)`;

/** Placed meeting blocks ($1 practitioners, [$2, $3) window), through the exclusion constraint's index. */
const MEETING_BUSY = `
  select practitioner_id, lower(during) as starts_at, upper(during) as ends_at, null::uuid as site_id from practitioner_busy
   where source = 'meeting' and practitioner_id = any($1) and during && tstzrange($2, $3, '[)')`;

/** Reads what slots and bookings are computed from: sites, team, motifs, ranges, exceptions and busy time. */
@Injectable()
export class TypeOrmAgendaRepository implements AgendaRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db(): EntityManager {
    return activeManager() ?? this.dataSource.manager;
  }

  async site(siteId: string): Promise<SiteRef | null> {
    const entity = await this.db.findOneBy(SiteRefEntity, { siteId });
    return entity ? toSiteRef(entity) : null;
  }

  async sites(siteIds: readonly string[]): Promise<SiteRef[]> {
    if (!siteIds.length) return [];
    const entities = await this.db
      .getRepository(SiteRefEntity)
      .createQueryBuilder('s')
      .where('s.site_id = any(:ids)', { ids: [...siteIds] })
      .getMany();
    return entities.map(toSiteRef);
  }

  /** A current member of the structure. */
  async teamMember(memberId: string, structureId: string): Promise<TeamMember | null> {
    const entity = await this.db
      .getRepository(TeamMemberEntity)
      .createQueryBuilder('t')
      .where('t.member_id = :memberId and t.structure_id = :structureId and t.left_at is null', {
        memberId,
        structureId,
      })
      .getOne();
    return entity
      ? {
          memberId: entity.memberId,
          structureId: entity.structureId,
          profession: entity.profession,
          roles: entity.roles,
          siteIds: entity.siteIds,
        }
      : null;
  }

  async motif(id: string): Promise<Motif | null> {
    const entity = await this.db.findOneBy(MotifEntity, { id });
    return entity ? motifFromEntity(entity) : null;
  }

  async motifsOfStructure(structureId: string, options: { includeArchived?: boolean } = {}): Promise<Motif[]> {
    const where = options.includeArchived ? { structureId } : { structureId, archivedAt: IsNull() };
    const entities = await this.db.find(MotifEntity, { where, order: { label: 'ASC' } });
    return entities.map(motifFromEntity);
  }

  /** A structure's ranges (or one practitioner's), oldest first, whoever they belong to now. */
  async openingRangesOf(structureId: string, practitionerId: string | null): Promise<OpeningRange[]> {
    const where = practitionerId ? { structureId, practitionerId } : { structureId };
    const entities = await this.db.find(OpeningRangeEntity, { where, order: { createdAt: 'ASC' } });
    return entities.map(openingRangeFromEntity);
  }

  async motifsOf(structureId: string, ids: readonly string[]): Promise<Motif[]> {
    if (!ids.length) return [];
    const entities = await this.db
      .getRepository(MotifEntity)
      .createQueryBuilder('m')
      .where('m.structure_id = :structureId and m.id = any(:ids)', { structureId, ids: [...ids] })
      .getMany();
    return entities.map(motifFromEntity);
  }

  /** Ranges of current members valid at some point between two local dates, optionally narrowed. */
  async ranges(filter: RangeFilter): Promise<OpeningRange[]> {
    const query = this.db
      .getRepository(OpeningRangeEntity)
      .createQueryBuilder('r')
      .innerJoin(
        TeamMemberEntity,
        't',
        't.member_id = r.practitioner_id and t.structure_id = r.structure_id and t.left_at is null',
      )
      .where('r.structure_id = :structureId', { structureId: filter.structureId })
      .andWhere('r.valid_from <= :to and (r.valid_until is null or r.valid_until >= :from)', {
        from: filter.from,
        to: filter.to,
      });
    if (filter.motifId)
      query.andWhere('(cardinality(r.motif_ids) = 0 or :motifId = any(r.motif_ids))', { motifId: filter.motifId });
    if (filter.practitionerIds?.length)
      query.andWhere('r.practitioner_id = any(:practitionerIds)', { practitionerIds: [...filter.practitionerIds] });
    if (filter.siteIds?.length) query.andWhere('r.site_id = any(:siteIds)', { siteIds: [...filter.siteIds] });
    if (filter.profession) query.andWhere('t.profession = :profession', { profession: filter.profession });
    return (await query.orderBy('r.created_at').getMany()).map(openingRangeFromEntity);
  }

  async lockPractitionerAgenda(practitionerId: string): Promise<void> {
    await requireActiveManager("Locking a practitioner's agenda").query(
      'select pg_advisory_xact_lock($1, hashtext($2))',
      [PRACTITIONER_AGENDA_LOCK_SPACE, practitionerId],
    );
  }

  exceptions(practitionerIds: readonly string[], start: Date, end: Date): Promise<PractitionerInterval[]> {
    return this.intervals(
      `select practitioner_id, starts_at, ends_at from schedule_exception
        where practitioner_id = any($1) and tstzrange(starts_at, ends_at, '[)') && tstzrange($2, $3, '[)')`,
      [practitionerIds, start, end],
    );
  }

  /** One statement for both sources: free slots ask it on every search. */
  busy(practitionerIds: readonly string[], start: Date, end: Date, now: Date): Promise<PractitionerInterval[]> {
    return this.intervals(`${PATIENT_BUSY} union all ${MEETING_BUSY}`, [practitionerIds, start, end, now]);
  }

  patientBusy(practitionerIds: readonly string[], start: Date, end: Date, now: Date): Promise<PractitionerInterval[]> {
    return this.intervals(PATIENT_BUSY, [practitionerIds, start, end, now]);
  }

  meetingBusy(
    practitionerIds: readonly string[],
    start: Date,
    end: Date,
    ignoreMeetingId?: string | null,
  ): Promise<PractitionerInterval[]> {
    return this.intervals(`${MEETING_BUSY} and meeting_id is distinct from $4::uuid`, [
      practitionerIds,
      start,
      end,
      ignoreMeetingId ?? null,
    ]);
  }

  async insertMotif(motif: Motif): Promise<void> {
    await requireActiveManager('Creating a motif').insert(MotifEntity, motifToEntity(motif));
  }

  async insertOpeningRange(range: OpeningRange): Promise<void> {
    await requireActiveManager('Defining an opening range').insert(OpeningRangeEntity, openingRangeToEntity(range));
  }

  private async intervals(sql: string, parameters: unknown[]): Promise<PractitionerInterval[]> {
    if (!(parameters[0] as string[]).length) return [];
    const rows: Array<{ practitioner_id: string; starts_at: Date; ends_at: Date; site_id?: string | null }> =
      await this.db.query(sql, parameters);
    // The site of an appointment (SCH-11: travel between sites is counted from it); exceptions and blocks have none.
    return rows.map((row) => ({
      practitionerId: row.practitioner_id,
      start: row.starts_at,
      end: row.ends_at,
      ...(row.site_id ? { siteId: row.site_id } : {}),
    }));
  }
}

const toSiteRef = (entity: SiteRefEntity): SiteRef => ({
  siteId: entity.siteId,
  structureId: entity.structureId,
  timeZone: entity.timeZone,
});
