import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { assertStructureAccess, structureIdsOf, type UserContext } from '@msp/auth';
import { DirectoryError } from '../../domain/directory-error';
import { MemberEntity, MembershipEntity, SiteEntity, StructureEntity } from '../../infrastructure/entities';
import { PERMISSIONS } from '../permissions';

export interface MemberFilter {
  structureId: string;
  siteId?: string | null;
  profession?: string | null;
}

/** Structures, sites and members, as far as the caller's memberships reach. */
@Injectable()
export class DirectoryReader {
  constructor(private readonly db: DataSource) {}

  myStructures(user: UserContext): Promise<StructureEntity[]> {
    const ids = structureIdsOf(user);
    return ids.length
      ? this.db.getRepository(StructureEntity).find({ where: { id: In(ids) }, order: { name: 'ASC' } })
      : Promise.resolve([]);
  }

  async structure(user: UserContext, id: string): Promise<StructureEntity> {
    assertStructureAccess(user, id, PERMISSIONS.readDirectory, DirectoryError.notFound('Structure', 'id'));
    const structure = await this.db.getRepository(StructureEntity).findOneBy({ id });
    if (!structure) throw DirectoryError.notFound('Structure', 'id');
    return structure;
  }

  /** The CPTS or MSP a structure is linked to is named even to non-members: it is public, its content is not. */
  linkedStructure(id: string): Promise<StructureEntity | null> {
    return this.db.getRepository(StructureEntity).findOneBy({ id });
  }

  sitesOf(user: UserContext, structureId: string): Promise<SiteEntity[]> {
    assertStructureAccess(user, structureId, PERMISSIONS.readDirectory);
    return this.db.getRepository(SiteEntity).find({ where: { structureId }, order: { name: 'ASC' } });
  }

  async site(user: UserContext, id: string): Promise<SiteEntity> {
    const site = await this.db.getRepository(SiteEntity).findOneBy({ id });
    if (!site) throw DirectoryError.notFound('Site', 'id');
    assertStructureAccess(user, site.structureId, PERMISSIONS.readDirectory, DirectoryError.notFound('Site', 'id'));
    return site;
  }

  async members(user: UserContext, filter: MemberFilter): Promise<MemberEntity[]> {
    assertStructureAccess(user, filter.structureId, PERMISSIONS.readDirectory);
    const query = this.db
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .innerJoin(
        MembershipEntity,
        'ms',
        'ms.member_id = m.id and ms.structure_id = :structureId and ms.left_at is null',
        {
          structureId: filter.structureId,
        },
      );
    if (filter.siteId) query.andWhere(':siteId = any(ms.site_ids)', { siteId: filter.siteId });
    if (filter.profession) query.andWhere('m.profession = :profession', { profession: filter.profession });
    return query.orderBy('m.last_name').addOrderBy('m.first_name').getMany();
  }

  /** A member is visible to whoever shares a current structure with them. */
  async member(user: UserContext, id: string): Promise<MemberEntity> {
    const visible = await this.visibleMembers(user, [id]);
    if (!visible.length) throw DirectoryError.notFound('Member', 'id');
    return visible[0];
  }

  async visibleMembers(user: UserContext, ids: readonly string[]): Promise<MemberEntity[]> {
    const structures = structureIdsOf(user);
    if (!ids.length || !structures.length) return [];
    const shared = await this.db
      .getRepository(MembershipEntity)
      .findBy({ memberId: In([...ids]), structureId: In(structures), leftAt: IsNull() });
    const visibleIds = [...new Set(shared.map((m) => m.memberId))];
    return visibleIds.length ? this.db.getRepository(MemberEntity).findBy({ id: In(visibleIds) }) : [];
  }

  /** Memberships of a member, limited to the structures the caller shares with them. */
  async membershipsOf(user: UserContext, memberId: string): Promise<MembershipEntity[]> {
    const structures = structureIdsOf(user);
    if (!structures.length) return [];
    return this.db.getRepository(MembershipEntity).findBy({ memberId, structureId: In(structures), leftAt: IsNull() });
  }

  sitesByIds(ids: readonly string[]): Promise<SiteEntity[]> {
    return ids.length ? this.db.getRepository(SiteEntity).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }
}
