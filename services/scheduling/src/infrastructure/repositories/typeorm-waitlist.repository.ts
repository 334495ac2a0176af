import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { activeManager, requireActiveManager } from '@msp/persistence';
import {
  WaitlistRepository,
  type WaitlistEntryStatus,
  type WaitlistOfferStatus,
  type WaitlistEntry,
  type NewWaitlistOffer,
  type WaitlistOffer,
  type FreedSlotMatch,
  type WaitlistOfferOfStructure,
} from '../../application/ports/waitlist.repository';

interface EntryRow {
  id: string;
  structure_id: string;
  patient_id: string;
  motif_id: string;
  practitioner_id: string | null;
  profession: string | null;
  before_date: string;
  status: WaitlistEntryStatus;
  created_at: Date;
}

interface OfferRow {
  id: string;
  entry_id: string;
  hold_id: string;
  practitioner_id: string;
  site_id: string;
  starts_at: Date;
  ends_at: Date;
  expires_at: Date;
  status: WaitlistOfferStatus;
  created_at: Date;
}

/** A raw query parses a `date` column into a Date at the server's midnight: the date is read as text instead. */
const ENTRY_COLUMNS = `id, structure_id, patient_id, motif_id, practitioner_id, profession,
  to_char(before_date, 'YYYY-MM-DD') as before_date, status, created_at`;

const toEntry = (r: EntryRow): WaitlistEntry => ({
  id: r.id,
  structureId: r.structure_id,
  patientId: r.patient_id,
  motifId: r.motif_id,
  practitionerId: r.practitioner_id,
  profession: r.profession,
  before: r.before_date,
  status: r.status,
  createdAt: r.created_at,
});

const toOffer = (r: OfferRow): WaitlistOffer => ({
  id: r.id,
  entryId: r.entry_id,
  holdId: r.hold_id,
  practitionerId: r.practitioner_id,
  siteId: r.site_id,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  expiresAt: r.expires_at,
  status: r.status,
  createdAt: r.created_at,
});

/** Waiting patients (opaque ids) and the offers of freed slots made to them. */
@Injectable()
export class TypeOrmWaitlistRepository implements WaitlistRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db(): EntityManager {
    return activeManager() ?? this.dataSource.manager;
  }

  async insertEntry(entry: Omit<WaitlistEntry, 'status' | 'createdAt'>, createdBy: string): Promise<WaitlistEntry> {
    const [row]: EntryRow[] = await requireActiveManager('Joining the waitlist').query(
      `insert into waitlist_entry (id, structure_id, patient_id, motif_id, practitioner_id, profession, before_date, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${ENTRY_COLUMNS}`,
      [
        entry.id,
        entry.structureId,
        entry.patientId,
        entry.motifId,
        entry.practitionerId,
        entry.profession,
        entry.before,
        createdBy,
      ],
    );
    return toEntry(row);
  }

  async lockEntry(id: string): Promise<WaitlistEntry | null> {
    const rows: EntryRow[] = await requireActiveManager('Locking a waitlist entry').query(
      `select ${ENTRY_COLUMNS} from waitlist_entry where id = $1 for update`,
      [id],
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async setEntryStatus(id: string, status: WaitlistEntryStatus): Promise<void> {
    await requireActiveManager('Updating a waitlist entry').query(
      `update waitlist_entry set status = $2 where id = $1`,
      [id, status],
    );
  }

  async entries(structureId: string): Promise<WaitlistEntry[]> {
    const rows: EntryRow[] = await this.db.query(
      `select ${ENTRY_COLUMNS} from waitlist_entry where structure_id = $1 and status in ('waiting', 'offered') order by created_at`,
      [structureId],
    );
    return rows.map(toEntry);
  }

  /**
   * Waiting entries a freed slot suits, first come first served (locked, skipping those another transaction holds):
   * same structure, the practitioner asked for or one of the profession asked for, a slot before their date, not the
   * patient who just freed it, and not already offered this very slot.
   */
  async waitingFor(match: FreedSlotMatch, limit: number): Promise<WaitlistEntry[]> {
    const rows: EntryRow[] = await requireActiveManager('Matching the waitlist').query(
      `select ${ENTRY_COLUMNS} from waitlist_entry e
        where e.structure_id = $1 and e.status = 'waiting' and e.before_date > $4::date
          and (e.practitioner_id = $2 or (e.practitioner_id is null and e.profession = $3))
          and ($6::uuid is null or e.patient_id <> $6)
          and not exists (select 1 from waitlist_offer o where o.entry_id = e.id and o.practitioner_id = $2 and o.starts_at = $5)
        order by e.created_at, e.id limit $7 for update skip locked`,
      [
        match.structureId,
        match.practitionerId,
        match.profession,
        match.slotDate,
        match.startsAt,
        match.excludePatientId,
        limit,
      ],
    );
    return rows.map(toEntry);
  }

  async insertOffer(offer: NewWaitlistOffer): Promise<void> {
    await requireActiveManager('Making a waitlist offer').query(
      `insert into waitlist_offer (id, entry_id, hold_id, practitioner_id, site_id, starts_at, ends_at, expires_at, answer_token_hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        offer.id,
        offer.entryId,
        offer.holdId,
        offer.practitionerId,
        offer.siteId,
        offer.startsAt,
        offer.endsAt,
        offer.expiresAt,
        offer.answerTokenHash ?? null,
      ],
    );
  }

  async offerIdByTokenHash(hash: Buffer): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.db.query(
      `select id from waitlist_offer where answer_token_hash = $1`,
      [hash],
    );
    return rows[0]?.id ?? null;
  }

  async offer(id: string): Promise<WaitlistOffer | null> {
    const rows: OfferRow[] = await this.db.query(`select * from waitlist_offer where id = $1`, [id]);
    return rows[0] ? toOffer(rows[0]) : null;
  }

  async lockOffer(id: string): Promise<WaitlistOffer | null> {
    const rows: OfferRow[] = await requireActiveManager('Locking a waitlist offer').query(
      `select * from waitlist_offer where id = $1 for update`,
      [id],
    );
    return rows[0] ? toOffer(rows[0]) : null;
  }

  async lockOpenOfferByHold(holdId: string): Promise<WaitlistOffer | null> {
    const rows: OfferRow[] = await requireActiveManager('Locking a waitlist offer').query(
      `select * from waitlist_offer where hold_id = $1 and status = 'open' for update`,
      [holdId],
    );
    return rows[0] ? toOffer(rows[0]) : null;
  }

  async setOfferStatus(id: string, status: WaitlistOfferStatus): Promise<void> {
    await requireActiveManager('Updating a waitlist offer').query(
      `update waitlist_offer set status = $2 where id = $1`,
      [id, status],
    );
  }

  async openOffers(entryIds: readonly string[]): Promise<WaitlistOffer[]> {
    if (!entryIds.length) return [];
    const rows: OfferRow[] = await this.db.query(
      `select * from waitlist_offer where entry_id = any($1) and status = 'open'`,
      [entryIds],
    );
    return rows.map(toOffer);
  }

  async offersOf(entryIds: readonly string[]): Promise<WaitlistOfferOfStructure[]> {
    if (!entryIds.length) return [];
    const rows: Array<OfferRow & { structure_id: string }> = await this.db.query(
      `select o.*, e.structure_id from waitlist_offer o join waitlist_entry e on e.id = o.entry_id
        where o.entry_id = any($1) order by o.created_at desc, o.id`,
      [entryIds],
    );
    return rows.map((row) => ({ ...toOffer(row), structureId: row.structure_id }));
  }
}
