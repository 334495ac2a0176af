import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type IdentityLink,
  type IdentityLinkAudit,
  IdentityLinkRepository,
} from '../../application/ports/identity-link.repository';
import type { LinkRule } from '../../domain/identity-link';
import { joinedManager } from './joined-manager';

interface LinkRow {
  issuer: string;
  subject: string;
  member_id: string;
  rule: LinkRule;
  created_at: Date;
  created_by: string | null;
}

const toLink = (r: LinkRow): IdentityLink => ({
  issuer: r.issuer,
  subject: r.subject,
  memberId: r.member_id,
  rule: r.rule,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

@Injectable()
export class TypeOrmIdentityLinkRepository implements IdentityLinkRepository {
  constructor(private readonly dataSource: DataSource) {}

  private query<T>(sql: string, parameters: unknown[]): Promise<T> {
    return joinedManager(this.dataSource).query(sql, parameters);
  }

  async find(issuer: string, subject: string): Promise<IdentityLink | null> {
    const rows = await this.query<LinkRow[]>(`select * from identity_link where issuer = $1 and subject = $2`, [
      issuer,
      subject,
    ]);
    return rows.length ? toLink(rows[0]) : null;
  }

  async ofMember(memberId: string): Promise<IdentityLink[]> {
    const rows = await this.query<LinkRow[]>(
      `select * from identity_link where member_id = $1 order by issuer, subject`,
      [memberId],
    );
    return rows.map(toLink);
  }

  async insert(link: IdentityLink): Promise<boolean> {
    const rows = await this.query<unknown[]>(
      `insert into identity_link (issuer, subject, member_id, rule, created_at, created_by)
       values ($1, $2, $3, $4, $5, $6) on conflict (issuer, subject) do nothing returning issuer`,
      [link.issuer, link.subject, link.memberId, link.rule, link.createdAt, link.createdBy],
    );
    return rows.length === 1;
  }

  async delete(issuer: string, subject: string): Promise<void> {
    await this.query(`delete from identity_link where issuer = $1 and subject = $2`, [issuer, subject]);
  }

  async audit(entry: IdentityLinkAudit): Promise<void> {
    await this.query(
      `insert into identity_link_audit (at, action, issuer, subject, member_id, rule, actor_id)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.at, entry.action, entry.issuer, entry.subject, entry.memberId, entry.rule, entry.actorId],
    );
  }

  async auditOf(memberId: string): Promise<IdentityLinkAudit[]> {
    const rows = await this.query<
      Array<{
        at: Date;
        action: 'linked' | 'unlinked';
        issuer: string;
        subject: string;
        member_id: string;
        rule: LinkRule;
        actor_id: string | null;
      }>
    >(`select * from identity_link_audit where member_id = $1 order by at desc, id desc`, [memberId]);
    return rows.map((r) => ({
      at: r.at,
      action: r.action,
      issuer: r.issuer,
      subject: r.subject,
      memberId: r.member_id,
      rule: r.rule,
      actorId: r.actor_id,
    }));
  }
}
