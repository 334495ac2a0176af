import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { type Member, type MemberFilter, MemberRepository } from '../../application/ports/member.repository';
import type { Profession } from '../../domain/profession';
import { MemberEntity, MembershipEntity } from '../entities';
import { joinedManager } from './joined-manager';
import { rethrowUniqueViolation } from './unique-violation';

const toMember = (e: MemberEntity): Member => ({
  id: e.id,
  firstName: e.firstName,
  lastName: e.lastName,
  email: e.email,
  rpps: e.rpps,
  profession: e.profession,
  createdAt: e.createdAt,
});

@Injectable()
export class TypeOrmMemberRepository implements MemberRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get members() {
    return joinedManager(this.dataSource).getRepository(MemberEntity);
  }

  async findById(id: string): Promise<Member | null> {
    const found = await this.members.findOneBy({ id });
    return found && toMember(found);
  }

  async findByIds(ids: readonly string[]): Promise<Member[]> {
    return ids.length ? (await this.members.findBy({ id: In([...ids]) })).map(toMember) : [];
  }

  async findByEmail(email: string): Promise<Member | null> {
    const found = await this.members
      .createQueryBuilder('m')
      .where('lower(m.email) = lower(:email)', { email })
      .getOne();
    return found && toMember(found);
  }

  async currentMembers(filter: MemberFilter): Promise<Member[]> {
    const query = this.members
      .createQueryBuilder('m')
      .innerJoin(
        MembershipEntity,
        'ms',
        'ms.member_id = m.id and ms.structure_id = :structureId and ms.left_at is null',
        { structureId: filter.structureId },
      );
    if (filter.siteId) query.andWhere(':siteId = any(ms.site_ids)', { siteId: filter.siteId });
    if (filter.profession) query.andWhere('m.profession = :profession', { profession: filter.profession });
    return (await query.orderBy('m.last_name').addOrderBy('m.first_name').getMany()).map(toMember);
  }

  async professions(): Promise<Map<string, Profession>> {
    const rows = await this.members.find({ select: { id: true, profession: true } });
    return new Map(rows.map((m) => [m.id, m.profession]));
  }

  async insert(member: Member): Promise<void> {
    await this.members.insert(member).catch(rethrowUniqueViolation);
  }

  async update(member: Member): Promise<void> {
    const { id, ...changes } = member;
    await this.members.update({ id }, changes).catch(rethrowUniqueViolation);
  }
}
