import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  type Member,
  type MemberFilter,
  MemberRepository,
  type StructureMember,
} from '../../application/ports/member.repository';
import type { Profession } from '../../domain/profession';
import { MemberEntity } from '../entities';
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

  async findByRpps(rpps: string): Promise<Member | null> {
    const found = await this.members.findOneBy({ rpps });
    return found && toMember(found);
  }

  async currentMembers(filter: MemberFilter): Promise<StructureMember[]> {
    if (!filter.structureIds.length) return [];
    const rows: Array<{
      structure_id: string;
      id: string;
      first_name: string;
      last_name: string;
      email: string;
      rpps: string | null;
      profession: Profession;
      created_at: Date;
    }> = await joinedManager(this.dataSource).query(
      `select ms.structure_id, m.id, m.first_name, m.last_name, m.email, m.rpps, m.profession, m.created_at
         from membership ms join member m on m.id = ms.member_id
        where ms.structure_id = any($1) and ms.left_at is null
          and ($2::uuid is null or $2 = any(ms.site_ids)) and ($3::text is null or m.profession = $3)
        order by m.last_name, m.first_name`,
      [[...filter.structureIds], filter.siteId ?? null, filter.profession ?? null],
    );
    return rows.map((row) => ({
      structureId: row.structure_id,
      member: {
        id: row.id,
        firstName: row.first_name,
        lastName: row.last_name,
        email: row.email,
        rpps: row.rpps,
        profession: row.profession,
        createdAt: row.created_at,
      },
    }));
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
