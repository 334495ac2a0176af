import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { activeManager, requireActiveManager } from '@msp/persistence';
import type { AppointmentStatus } from '../../domain/appointment-status';
import type { Motif } from '../../domain/motif';
import type { OpeningRange } from '../../domain/opening-range';
import {
  OpeningRangeChangesRepository,
  type AppointmentOutsideRanges,
  type LiveAppointment,
  type OutsideDecision,
  type OutsideFilter,
} from '../../application/ports/opening-range-changes.repository';
import { MotifEntity } from '../entities/motif.entity';
import { OpeningRangeEntity } from '../entities/opening-range.entity';
import { motifFromEntity, motifToEntity } from '../mappers/motif.mapper';
import { openingRangeFromEntity, openingRangeToEntity } from '../mappers/opening-range.mapper';

interface OutsideRow {
  appointment_id: string;
  structure_id: string;
  practitioner_id: string;
  site_id: string;
  motif_id: string;
  starts_at: Date;
  ends_at: Date;
  status: AppointmentStatus;
  opening_range_id: string;
  listed_at: Date;
  decision: OutsideDecision | null;
  decided_at: Date | null;
}

const OUTSIDE_COLUMNS = `o.appointment_id, a.structure_id, a.practitioner_id, a.site_id, a.motif_id, a.starts_at,
  a.ends_at, a.status, o.opening_range_id, o.listed_at, o.decision, o.decided_at`;

const toOutside = (r: OutsideRow): AppointmentOutsideRanges => ({
  appointmentId: r.appointment_id,
  structureId: r.structure_id,
  practitionerId: r.practitioner_id,
  siteId: r.site_id,
  motifId: r.motif_id,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  status: r.status,
  openingRangeId: r.opening_range_id,
  listedAt: r.listed_at,
  decision: r.decision,
  decidedAt: r.decided_at,
});

/** Ranges and motifs changed on their locked rows; the appointments a change left outside the ranges. */
@Injectable()
export class TypeOrmOpeningRangeChangesRepository implements OpeningRangeChangesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db(): EntityManager {
    return activeManager() ?? this.dataSource.manager;
  }

  async lockRange(id: string): Promise<OpeningRange | null> {
    const entity = await requireActiveManager('Locking an opening range')
      .getRepository(OpeningRangeEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
    return entity ? openingRangeFromEntity(entity) : null;
  }

  async updateRange(range: OpeningRange): Promise<void> {
    const { id, createdAt: _created, version: _version, ...columns } = openingRangeToEntity(range);
    await requireActiveManager('Changing an opening range').update(OpeningRangeEntity, id, {
      ...columns,
      version: () => 'version + 1',
    });
  }

  async deleteRange(id: string): Promise<void> {
    await requireActiveManager('Withdrawing an opening range').delete(OpeningRangeEntity, id);
  }

  async liveAppointments(
    practitionerId: string,
    siteId: string,
    start: Date,
    end: Date | null,
  ): Promise<LiveAppointment[]> {
    const rows: Array<{
      id: string;
      structure_id: string;
      motif_id: string;
      starts_at: Date;
      ends_at: Date;
    }> = await this.db.query(
      `select id, structure_id, motif_id, starts_at, ends_at from appointment
        where practitioner_id = $1 and site_id = $2 and status in ('booked', 'confirmed')
          and starts_at >= $3 and ($4::timestamptz is null or starts_at < $4)
        order by starts_at, id`,
      [practitionerId, siteId, start, end],
    );
    return rows.map((r) => ({
      id: r.id,
      structureId: r.structure_id,
      practitionerId,
      siteId,
      motifId: r.motif_id,
      start: r.starts_at,
      end: r.ends_at,
    }));
  }

  async listOutside(appointments: readonly LiveAppointment[], openingRangeId: string, at: Date): Promise<void> {
    const db = requireActiveManager('Listing appointments outside the opening ranges');
    for (const a of appointments) {
      // Kept where it still is: staff already decided it may stay there; anything else is to decide (again).
      await db.query(
        `insert into appointment_outside_range as o (appointment_id, structure_id, practitioner_id, site_id, starts_at,
           ends_at, opening_range_id, listed_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (appointment_id) do update set
           structure_id = excluded.structure_id, practitioner_id = excluded.practitioner_id, site_id = excluded.site_id,
           starts_at = excluded.starts_at, ends_at = excluded.ends_at, opening_range_id = excluded.opening_range_id,
           listed_at = excluded.listed_at, decision = null, decided_by = null, decided_at = null
         where not (o.decision = 'kept' and o.practitioner_id = excluded.practitioner_id
                    and o.site_id = excluded.site_id and o.starts_at = excluded.starts_at
                    and o.ends_at = excluded.ends_at)`,
        [a.id, a.structureId, a.practitionerId, a.siteId, a.start, a.end, openingRangeId, at],
      );
    }
  }

  async outside(filter: OutsideFilter, appointmentIds?: readonly string[]): Promise<AppointmentOutsideRanges[]> {
    const rows: OutsideRow[] = await this.db.query(
      `select ${OUTSIDE_COLUMNS}
         from appointment_outside_range o
         join appointment a on a.id = o.appointment_id
        where o.structure_id = $1 and o.decision is null
          and a.status in ('booked', 'confirmed') and a.starts_at > $4
          and a.practitioner_id = o.practitioner_id and a.site_id = o.site_id
          and a.starts_at = o.starts_at and a.ends_at = o.ends_at
          and ($2::uuid is null or o.practitioner_id = $2) and ($3::uuid is null or o.site_id = $3)
          and ($5::uuid[] is null or o.appointment_id = any($5))
        order by a.starts_at, o.appointment_id`,
      [
        filter.structureId,
        filter.practitionerId ?? null,
        filter.siteId ?? null,
        filter.now,
        appointmentIds ? [...appointmentIds] : null,
      ],
    );
    return rows.map(toOutside);
  }

  async lockOutside(appointmentId: string): Promise<AppointmentOutsideRanges | null> {
    const rows: OutsideRow[] = await requireActiveManager('Deciding about an appointment outside the ranges').query(
      `select ${OUTSIDE_COLUMNS}
         from appointment_outside_range o join appointment a on a.id = o.appointment_id
        where o.appointment_id = $1
        for update of o`,
      [appointmentId],
    );
    return rows.length ? toOutside(rows[0]) : null;
  }

  async decide(appointmentId: string, decision: OutsideDecision, by: string, at: Date): Promise<void> {
    await requireActiveManager('Deciding about an appointment outside the ranges').query(
      `update appointment_outside_range set decision = $2, decided_by = $3, decided_at = $4 where appointment_id = $1`,
      [appointmentId, decision, by, at],
    );
  }

  async lockMotif(id: string): Promise<Motif | null> {
    const entity = await requireActiveManager('Locking a motif')
      .getRepository(MotifEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.id = :id', { id })
      .getOne();
    return entity ? motifFromEntity(entity) : null;
  }

  async updateMotif(motif: Motif): Promise<void> {
    const { id, createdAt: _created, version: _version, ...columns } = motifToEntity(motif);
    await requireActiveManager('Changing a motif').update(MotifEntity, id, {
      ...columns,
      version: () => 'version + 1',
    });
  }
}
