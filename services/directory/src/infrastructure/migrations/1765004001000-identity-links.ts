import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * External identities (ADR 0019): which member an issuer's subject stands for, and the trail of every link made or
 * removed. A subject is unique per issuer only, so the pair is the key; a member may have several (Keycloak and Pro
 * Santé Connect, a new account after a reset).
 */
export class IdentityLinks1765004001000 implements MigrationInterface {
  name = 'IdentityLinks1765004001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table identity_link (
        issuer text not null,
        subject text not null,
        member_id uuid not null references member (id),
        rule text not null check (rule in ('administrator', 'rpps', 'verified_email')),
        created_at timestamptz not null,
        created_by uuid references member (id),
        primary key (issuer, subject)
      )`);
    await db.query(`create index identity_link_member on identity_link (member_id)`);
    await db.query(`
      create table identity_link_audit (
        id bigint generated always as identity primary key,
        at timestamptz not null,
        action text not null check (action in ('linked', 'unlinked')),
        issuer text not null,
        subject text not null,
        member_id uuid not null references member (id),
        rule text not null,
        actor_id uuid references member (id)
      )`);
    await db.query(`create index identity_link_audit_member on identity_link_audit (member_id, at desc)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table identity_link_audit`);
    await db.query(`drop table identity_link`);
  }
}
