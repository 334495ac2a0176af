import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { activeManager, requireActiveManager } from '@msp/persistence';
import {
  OnlineBookingRequestRepository,
  type NewOnlineBookingRequest,
  type OnlineIdentity,
  type OnlineRequestStatus,
  type OnlineBookingRequest,
  type PendingOnlineRequest,
} from '../../application/ports/online-booking-request.repository';

interface Row {
  id: string;
  structure_id: string;
  hold_id: string;
  registration_request_id: string;
  identity: OnlineIdentity;
  patient_id: string | null;
  status: OnlineRequestStatus;
  created_at: Date;
}

interface PendingRow extends Row {
  practitioner_id: string;
  site_id: string;
  motif_id: string;
  starts_at: Date;
  ends_at: Date;
  hold_expires_at: Date;
}

const toRequest = (r: Row): OnlineBookingRequest => ({
  id: r.id,
  structureId: r.structure_id,
  holdId: r.hold_id,
  registrationRequestId: r.registration_request_id,
  identity: r.identity,
  patientId: r.patient_id,
  status: r.status,
  createdAt: r.created_at,
});

/** New patients' online bookings awaiting staff: only ids here, the identity is the directory's. */
@Injectable()
export class TypeOrmOnlineBookingRequestRepository implements OnlineBookingRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db(): EntityManager {
    return activeManager() ?? this.dataSource.manager;
  }

  async insert(request: NewOnlineBookingRequest): Promise<void> {
    await requireActiveManager('Recording an online booking request').query(
      `insert into online_booking_request (id, structure_id, hold_id, registration_request_id, identity, patient_id)
       values ($1, $2, $3, $4, $5, $6)`,
      [
        request.id,
        request.structureId,
        request.holdId,
        request.registrationRequestId,
        request.identity,
        request.patientId,
      ],
    );
  }

  async lockById(id: string): Promise<OnlineBookingRequest | null> {
    const rows: Row[] = await requireActiveManager('Locking an online booking request').query(
      `select * from online_booking_request where id = $1 for update`,
      [id],
    );
    return rows[0] ? toRequest(rows[0]) : null;
  }

  async decide(id: string, status: Exclude<OnlineRequestStatus, 'pending'>, by: string, at: Date): Promise<void> {
    await requireActiveManager('Deciding an online booking request').query(
      `update online_booking_request set status = $2, decided_by = $3, decided_at = $4 where id = $1`,
      [id, status, by, at],
    );
  }

  /** Pending requests whose hold still keeps the slot. */
  async pending(structureId: string, now: Date): Promise<PendingOnlineRequest[]> {
    const rows: PendingRow[] = await this.db.query(
      `select r.*, a.practitioner_id, a.site_id, a.motif_id, a.starts_at, a.ends_at, a.hold_expires_at
         from online_booking_request r join appointment a on a.id = r.hold_id
        where r.structure_id = $1 and r.status = 'pending' and a.status = 'held' and a.hold_expires_at > $2
        order by r.created_at`,
      [structureId, now],
    );
    return rows.map((r) => ({
      ...toRequest(r),
      practitionerId: r.practitioner_id,
      siteId: r.site_id,
      motifId: r.motif_id,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      holdExpiresAt: r.hold_expires_at,
    }));
  }

  async purgeable(cutoff: Date, now: Date, limit: number): Promise<OnlineBookingRequest[]> {
    const rows: Row[] = await this.db.query(
      `select r.* from online_booking_request r join appointment a on a.id = r.hold_id
        where r.status <> 'confirmed' and r.created_at < $1
          and not (a.status = 'held' and a.hold_expires_at > $2)
        order by r.created_at limit $3`,
      [cutoff, now, limit],
    );
    return rows.map(toRequest);
  }

  async delete(id: string): Promise<void> {
    await this.db.query(`delete from online_booking_request where id = $1 and status <> 'confirmed'`, [id]);
  }

  /** Brings a hold's expiry forward to `now`, so that it lapses at once (the caller records the lapse). */
  async expireHold(holdId: string, now: Date): Promise<void> {
    await requireActiveManager('Expiring a hold').query(
      `update appointment set hold_expires_at = $2 where id = $1 and status = 'held'`,
      [holdId, now],
    );
  }
}
