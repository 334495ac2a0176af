import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireActiveManager } from '@msp/persistence';
import type { Motif } from '../../domain/motif';
import type { OpeningRange } from '../../domain/opening-range';
import type { SnpReleaseDue } from '../../domain/snp-release-schedule';
import { MotifEntity } from '../entities/motif.entity';
import { OpeningRangeEntity } from '../entities/opening-range.entity';
import { TeamMemberEntity } from '../entities/team-member.entity';
import { motifFromEntity } from '../mappers/motif.mapper';
import { openingRangeFromEntity } from '../mappers/opening-range.mapper';
import { SnpRepository } from '../../application/ports/snp.repository';

/** SNP capacity across structures: ranges holding slots back, their release announcements, CPTS pools. */
@Injectable()
export class TypeOrmSnpRepository implements SnpRepository {
  constructor(private readonly db: DataSource) {}

  /** Ranges with an SNP share of current members, still valid from `since` (a local date), optionally of some practitioners. */
  async snpRanges(since: string, practitionerIds?: readonly string[]): Promise<OpeningRange[]> {
    const query = this.db
      .getRepository(OpeningRangeEntity)
      .createQueryBuilder('r')
      .innerJoin(
        TeamMemberEntity,
        't',
        't.member_id = r.practitioner_id and t.structure_id = r.structure_id and t.left_at is null',
      )
      .where('r.snp_share > 0 and (r.valid_until is null or r.valid_until >= :since)', { since });
    if (practitionerIds)
      query.andWhere('r.practitioner_id = any(:practitionerIds)', { practitionerIds: [...practitionerIds] });
    return (await query.orderBy('r.created_at').getMany()).map(openingRangeFromEntity);
  }

  /** Records an announcement once: false when it was already recorded (by this replica or another). */
  async recordRelease(due: SnpReleaseDue): Promise<boolean> {
    const rows: unknown[] = await requireActiveManager('Recording an SNP release').query(
      `insert into snp_release (practitioner_id, slot_date, released_at, structure_id, site_ids, opening_range_ids)
       values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning practitioner_id`,
      [due.practitionerId, due.date, due.releasedAt, due.structureId, due.siteIds, due.openingRangeIds],
    );
    return rows.length > 0;
  }

  /** Current practitioners of a structure (a CPTS pools its practitioner members' SNP capacity). */
  async practitionersOf(structureId: string, profession?: string | null): Promise<string[]> {
    const query = this.db
      .getRepository(TeamMemberEntity)
      .createQueryBuilder('t')
      .where(`t.structure_id = :structureId and t.left_at is null and 'practitioner' = any(t.roles)`, { structureId });
    if (profession) query.andWhere('t.profession = :profession', { profession });
    return (await query.getMany()).map((t) => t.memberId);
  }

  async motifsOf(structureIds: readonly string[]): Promise<Motif[]> {
    if (!structureIds.length) return [];
    const entities = await this.db
      .getRepository(MotifEntity)
      .createQueryBuilder('m')
      .where('m.structure_id = any(:ids) and m.archived_at is null', { ids: [...structureIds] })
      .orderBy('m.label')
      .getMany();
    return entities.map(motifFromEntity);
  }
}
