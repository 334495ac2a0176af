import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { PresenceRepository } from '../../application/ports/presence.repository';
import type { PractitionerStatus } from '../../domain/rulebook/rulebook';

/**
 * A consultation never completed (the event lost, the practitioner forgot to close it) stops counting after this: a
 * forgotten consultation must not hold every call back for the rest of the day.
 */
const CONSULTATION_LIMIT = '4 hours';

/**
 * Consultations and absences projected from scheduling's events, upserted by appointment or absence id. Writes are
 * order-safe: the end of a consultation may arrive before its start on a replay, and an absence only ever shortens.
 */
@Injectable()
export class TypeOrmPresenceRepository implements PresenceRepository {
  constructor(private readonly db: DataSource) {}

  async consultationStarted(appointmentId: string, practitionerId: string, at: Date): Promise<void> {
    await this.manager().query(
      `insert into consultation_presence (appointment_id, practitioner_id, started_at) values ($1, $2, $3)
       on conflict (appointment_id) do update
         set practitioner_id = excluded.practitioner_id, started_at = excluded.started_at`,
      [appointmentId, practitionerId, at],
    );
  }

  async consultationEnded(appointmentId: string, practitionerId: string, at: Date): Promise<void> {
    // least() ignores nulls: the first end reported wins, whichever event (completed, no-show, cancelled) it was.
    await this.manager().query(
      `insert into consultation_presence (appointment_id, practitioner_id, ended_at) values ($1, $2, $3)
       on conflict (appointment_id) do update set ended_at = least(consultation_presence.ended_at, excluded.ended_at)`,
      [appointmentId, practitionerId, at],
    );
  }

  async absenceDeclared(absenceId: string, practitionerId: string, startsAt: Date, endsAt: Date): Promise<void> {
    // An end applied before (a replay of the declaration after it) is kept: the shorter end is the later fact.
    await this.manager().query(
      `insert into absence_presence (absence_id, practitioner_id, starts_at, ends_at) values ($1, $2, $3, $4)
       on conflict (absence_id) do update
         set practitioner_id = excluded.practitioner_id, starts_at = excluded.starts_at,
             ends_at = least(absence_presence.ends_at, excluded.ends_at)`,
      [absenceId, practitionerId, startsAt, endsAt],
    );
  }

  async absenceEnded(absenceId: string, practitionerId: string, endedAt: Date): Promise<void> {
    await this.manager().query(
      `insert into absence_presence (absence_id, practitioner_id, starts_at, ends_at) values ($1, $2, $3, $3)
       on conflict (absence_id) do update set ends_at = least(absence_presence.ends_at, excluded.ends_at)`,
      [absenceId, practitionerId, endedAt],
    );
  }

  async statuses(practitionerIds: readonly string[], at: Date): Promise<Record<string, PractitionerStatus>> {
    if (practitionerIds.length === 0) return {};
    const rows: Array<{ id: string; status: PractitionerStatus }> = await this.manager().query(
      `select p.id,
         case
           when exists (
             select 1 from absence_presence a
             where a.practitioner_id = p.id and a.starts_at <= $2 and a.ends_at > $2
           ) then 'absent'
           when exists (
             select 1 from consultation_presence c
             where c.practitioner_id = p.id and c.started_at <= $2 and c.started_at > $2 - $3::interval
               and (c.ended_at is null or c.ended_at > $2)
           ) then 'in_consultation'
           else 'free'
         end as status
       from unnest($1::uuid[]) as p (id)`,
      [practitionerIds, at, CONSULTATION_LIMIT],
    );
    return Object.fromEntries(rows.map((r) => [r.id, r.status]));
  }

  /** Joins the event's transaction (the inbox's) when there is one. */
  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}
