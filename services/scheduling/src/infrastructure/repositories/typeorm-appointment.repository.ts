import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { activeManager, requireActiveManager } from '@msp/persistence';
import { HOLD_LAPSED } from '../../domain/appointment-status';
import { SchedulingError } from '../../domain/scheduling-error';
import { AppointmentEntity } from '../entities/appointment.entity';
import {
  AppointmentRepository,
  type Appointment,
  type AppointmentPlace,
  type AppointmentWindowFilter,
  type LapsedHold,
} from '../../application/ports/appointment.repository';

/**
 * The constraints that decide whose time it is: between appointments, and between an appointment and a coordination
 * meeting's block (`practitioner_busy`, kept in step by triggers on `appointment`).
 */
const NO_OVERLAP = new Set(['appointment_no_overlap', 'practitioner_busy_no_overlap']);

/** The constraint that keeps two live appointments out of one room at a time (SCH-11, ADR 0018). */
const ROOM_NO_OVERLAP = 'appointment_room_no_overlap';

interface LapsedRow {
  id: string;
  practitioner_id: string;
  starts_at: Date;
  ends_at: Date;
}

const toLapsed = (rows: LapsedRow[]): LapsedHold[] =>
  rows.map((row) => ({
    id: row.id,
    practitionerId: row.practitioner_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
  }));

/** Appointments and holds; the exclusion constraint is the last word on whose time is whose. */
@Injectable()
export class TypeOrmAppointmentRepository implements AppointmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db(): EntityManager {
    return activeManager() ?? this.dataSource.manager;
  }

  findById(id: string): Promise<Appointment | null> {
    return this.db.findOneBy(AppointmentEntity, { id });
  }

  /** Live appointments and unexpired holds of a structure overlapping [start, end), narrowed when lists are given. */
  liveIn(filter: AppointmentWindowFilter): Promise<Appointment[]> {
    const query = this.db
      .getRepository(AppointmentEntity)
      .createQueryBuilder('a')
      .where('a.structure_id = :structureId', { structureId: filter.structureId })
      .andWhere(`tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(:from, :to, '[)')`, {
        from: filter.start,
        to: filter.end,
      })
      .andWhere(`a.status <> 'cancelled' and not (a.status = 'held' and a.hold_expires_at <= now())`);
    if (filter.practitionerIds.length)
      query.andWhere('a.practitioner_id = any(:practitionerIds)', { practitionerIds: filter.practitionerIds });
    if (filter.siteIds.length) query.andWhere('a.site_id = any(:siteIds)', { siteIds: filter.siteIds });
    return query.orderBy('a.starts_at').getMany();
  }

  /** Locks the row for the rest of the transaction. */
  lockById(id: string): Promise<Appointment | null> {
    return requireActiveManager('Locking an appointment')
      .getRepository(AppointmentEntity)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id })
      .getOne();
  }

  /** Inserts a live appointment or hold; losing the race for the time gives SCHEDULING.SLOT_TAKEN. */
  async insert(appointment: Appointment): Promise<Appointment> {
    await slotTakenOnOverlap(() => requireActiveManager('Booking').insert(AppointmentEntity, { ...appointment }));
    return appointment;
  }

  async save(appointment: Appointment): Promise<Appointment> {
    await requireActiveManager('Updating an appointment').save(AppointmentEntity, { ...appointment });
    return appointment;
  }

  /** The exclusion constraint checks the new time against everyone else's. */
  async moveTo(appointmentId: string, place: AppointmentPlace): Promise<void> {
    await slotTakenOnOverlap(() =>
      requireActiveManager('Moving an appointment').query(
        `update appointment set practitioner_id = $2, site_id = $3, starts_at = $4, ends_at = $5, room_id = $6
          where id = $1`,
        [appointmentId, place.practitionerId, place.siteId, place.start, place.end, place.roomId],
      ),
    );
  }

  /**
   * Cancels the practitioner's expired holds overlapping [start, end), so that they stop blocking a booking there.
   * Rows are locked in id order: two bookings clearing the same holds never deadlock.
   */
  async lapseHoldsOverlapping(
    practitionerId: string,
    start: Date,
    end: Date,
    now: Date,
    roomId?: string | null,
  ): Promise<LapsedHold[]> {
    const [rows]: [LapsedRow[], number] = await requireActiveManager('Lapsing holds').query(
      `with expired as (
         select id from appointment
          where (practitioner_id = $1 or room_id = $5::uuid) and status = 'held' and hold_expires_at <= $4
            and tstzrange(starts_at, ends_at, '[)') && tstzrange($2, $3, '[)')
          order by id for update)
       update appointment a set status = 'cancelled', cancel_reason = '${HOLD_LAPSED}', cancelled_by = 'system', cancelled_at = $4
         from expired where a.id = expired.id
       returning a.id, a.practitioner_id, a.starts_at, a.ends_at`,
      [practitionerId, start, end, now, roomId ?? null],
    );
    return toLapsed(rows);
  }

  /** The sweeper's batch: expired holds nobody else is handling right now (skip locked). */
  async lapseExpiredHolds(now: Date, limit: number): Promise<LapsedHold[]> {
    const [rows]: [LapsedRow[], number] = await requireActiveManager('Lapsing holds').query(
      `with expired as (
         select id from appointment where status = 'held' and hold_expires_at <= $1
          order by hold_expires_at limit $2 for update skip locked)
       update appointment a set status = 'cancelled', cancel_reason = '${HOLD_LAPSED}', cancelled_by = 'system', cancelled_at = $1
         from expired where a.id = expired.id
       returning a.id, a.practitioner_id, a.starts_at, a.ends_at`,
      [now, limit],
    );
    return toLapsed(rows);
  }
}

/**
 * Losing the race for the time (an exclusion constraint) is SCHEDULING.SLOT_TAKEN. Anything else goes up untouched —
 * a deadlock met while checking the constraint (40P01) above all: the transaction is run again on it
 * (`inTransaction`), and it is the last attempt's outcome that this turns into an answer.
 */
async function slotTakenOnOverlap(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    const pg = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
    if (pg?.code === '23P01' && NO_OVERLAP.has(pg.constraint ?? '')) throw SchedulingError.slotTaken();
    if (pg?.code === '23P01' && pg.constraint === ROOM_NO_OVERLAP) throw SchedulingError.roomTaken();
    throw error;
  }
}
