import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { requireActiveManager } from '@msp/persistence';
import { type Membership, MembershipRepository } from '../../application/ports/membership.repository';
import { MembershipEntity } from '../entities';
import { joinedManager } from './joined-manager';
import { rethrowUniqueViolation } from './unique-violation';

const toMembership = (e: MembershipEntity): Membership => ({
  memberId: e.memberId,
  structureId: e.structureId,
  roles: e.roles,
  siteIds: e.siteIds,
  referentId: e.referentId,
  backupReferentId: e.backupReferentId,
  joinedAt: e.joinedAt,
  leftAt: e.leftAt,
});

@Injectable()
export class TypeOrmMembershipRepository implements MembershipRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get memberships() {
    return joinedManager(this.dataSource).getRepository(MembershipEntity);
  }

  async find(memberId: string, structureId: string): Promise<Membership | null> {
    const found = await this.memberships.findOneBy({ memberId, structureId });
    return found && toMembership(found);
  }

  async lock(memberId: string, structureId: string): Promise<Membership | null> {
    const found = await requireActiveManager('Locking a membership').findOne(MembershipEntity, {
      where: { memberId, structureId },
      lock: { mode: 'pessimistic_write' },
    });
    return found && toMembership(found);
  }

  async currentOf(memberIds: readonly string[], structureIds: readonly string[]): Promise<Membership[]> {
    if (!memberIds.length || !structureIds.length) return [];
    const found = await this.memberships.findBy({
      memberId: In([...memberIds]),
      structureId: In([...structureIds]),
      leftAt: IsNull(),
    });
    return found.map(toMembership);
  }

  async currentOfMember(memberId: string): Promise<Membership[]> {
    return (await this.memberships.findBy({ memberId, leftAt: IsNull() })).map(toMembership);
  }

  async allCurrent(): Promise<Membership[]> {
    const found = await this.memberships.find({ where: { leftAt: IsNull() }, order: { memberId: 'ASC' } });
    return found.map(toMembership);
  }

  countDelegatesOf(structureId: string, memberId: string): Promise<number> {
    return this.memberships
      .createQueryBuilder('m')
      .where('m.structure_id = :structureId and m.left_at is null', { structureId })
      .andWhere('(m.referent_id = :id or m.backup_referent_id = :id)', { id: memberId })
      .getCount();
  }

  async insert(membership: Membership): Promise<void> {
    await this.memberships.insert(membership).catch(rethrowUniqueViolation);
  }

  async update(membership: Membership): Promise<void> {
    const { memberId, structureId, ...changes } = membership;
    await this.memberships.update({ memberId, structureId }, changes);
  }
}
