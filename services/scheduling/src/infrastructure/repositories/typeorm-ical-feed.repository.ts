import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { IcalFeedRepository, type IcalFeed, type FeedEntry } from '../../application/ports/ical-feed.repository';

interface Row {
  id: string;
  practitioner_id: string;
  created_at: Date;
  revoked_at: Date | null;
}

const toFeed = (r: Row): IcalFeed => ({
  id: r.id,
  practitionerId: r.practitioner_id,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** Calendar feeds by the hash of their secret token (the token itself is shown once and never stored). */
@Injectable()
export class TypeOrmIcalFeedRepository implements IcalFeedRepository {
  constructor(private readonly db: DataSource) {}

  async create(id: string, practitionerId: string, tokenHash: string): Promise<IcalFeed> {
    const [row]: Row[] = await this.db.query(
      `insert into ical_feed (id, practitioner_id, token_hash) values ($1, $2, $3) returning *`,
      [id, practitionerId, tokenHash],
    );
    return toFeed(row);
  }

  async revoke(id: string, practitionerId: string, at: Date): Promise<IcalFeed | null> {
    const [rows]: [Row[], number] = await this.db.query(
      `update ical_feed set revoked_at = coalesce(revoked_at, $3) where id = $1 and practitioner_id = $2 returning *`,
      [id, practitionerId, at],
    );
    return rows[0] ? toFeed(rows[0]) : null;
  }

  async revokeAllOf(practitionerId: string, at: Date): Promise<IcalFeed[]> {
    const [rows]: [Row[], number] = await this.manager().query(
      `update ical_feed set revoked_at = $2 where practitioner_id = $1 and revoked_at is null returning *`,
      [practitionerId, at],
    );
    return rows.map(toFeed);
  }

  async byId(id: string): Promise<IcalFeed | null> {
    const rows: Row[] = await this.manager().query(`select * from ical_feed where id = $1`, [id]);
    return rows[0] ? toFeed(rows[0]) : null;
  }

  async structuresOf(memberId: string): Promise<string[]> {
    const rows: Array<{ structure_id: string }> = await this.manager().query(
      `select structure_id from team_member where member_id = $1 and left_at is null`,
      [memberId],
    );
    return rows.map((r) => r.structure_id);
  }

  /** Joins the caller's transaction (the inbox's, for a member who left), so the revocation is applied once with it. */
  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }

  async list(practitionerId: string): Promise<IcalFeed[]> {
    const rows: Row[] = await this.db.query(
      `select * from ical_feed where practitioner_id = $1 order by created_at desc`,
      [practitionerId],
    );
    return rows.map(toFeed);
  }

  async activeByHash(tokenHash: string): Promise<IcalFeed | null> {
    const rows: Row[] = await this.db.query(`select * from ical_feed where token_hash = $1 and revoked_at is null`, [
      tokenHash,
    ]);
    return rows[0] ? toFeed(rows[0]) : null;
  }

  /** The practitioner's live appointments and unexpired holds over [from, to), with their motif's label. */
  async entries(practitionerId: string, from: Date, to: Date, now: Date): Promise<FeedEntry[]> {
    const rows: Array<{ id: string; site_id: string; label: string; starts_at: Date; ends_at: Date; status: string }> =
      await this.db.query(
        `select a.id, a.site_id, m.label, a.starts_at, a.ends_at, a.status from appointment a join motif m on m.id = a.motif_id
        where a.practitioner_id = $1 and a.starts_at < $3 and a.ends_at > $2
          and a.status <> 'cancelled' and not (a.status = 'held' and a.hold_expires_at <= $4)
        order by a.starts_at`,
        [practitionerId, from, to, now],
      );
    return rows.map((r) => ({
      appointmentId: r.id,
      siteId: r.site_id,
      motifLabel: r.label,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      held: r.status === 'held',
    }));
  }
}
