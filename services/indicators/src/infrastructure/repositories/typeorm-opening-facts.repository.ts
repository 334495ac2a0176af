import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { OpeningFactsRepository, type OpeningRangeChange } from '../../application/ports/opening-facts.repository';
import type { OpeningRangeFact, Unavailability } from '../../domain/opening-capacity';

const DEFINITION_COLUMNS = [
  'time_zone',
  'recurrence',
  'start_time',
  'end_time',
  'valid_from',
  'valid_until',
  'snp_share',
  'snp_slot_minutes',
  'snp_slot_buffer_minutes',
  'defined_at',
];

interface RangeRow {
  opening_range_id: string;
  practitioner_id: string;
  site_id: string;
  time_zone: string;
  recurrence: string;
  start_time: string;
  end_time: string;
  valid_from: string;
  valid_until: string | null;
  snp_share: number;
  snp_slot_minutes: number | null;
  snp_slot_buffer_minutes: number | null;
  removed_at: Date | null;
}

/**
 * Ranges and absences keyed by scheduling's ids. A definition is kept when at least as recent as the one held; a
 * removal sets the range's end once (the earliest wins) and survives any definition arriving after it; an absence's
 * declared span and its earlier end are each kept from their own events, so any order of delivery ends on the same row.
 */
@Injectable()
export class TypeOrmOpeningFactsRepository implements OpeningFactsRepository {
  constructor(private readonly db: DataSource) {}

  async upsertRange(change: OpeningRangeChange): Promise<void> {
    const d = change.definition;
    // $15: this event describes the range (a removal's description stands for the definition when none is known:
    // scheduling never redefines a range). The newest description wins; the earliest removal ends the range.
    const newer = `excluded.defined_at is not null
      and (opening_range_fact.defined_at is null or opening_range_fact.defined_at <= excluded.defined_at)`;
    const described = DEFINITION_COLUMNS.map(
      (c) => `${c} = case when ${newer} then excluded.${c} else opening_range_fact.${c} end`,
    ).join(',\n         ');
    await this.manager().query(
      `insert into opening_range_fact (opening_range_id, structure_id, practitioner_id, site_id, time_zone, recurrence,
         start_time, end_time, valid_from, valid_until, snp_share, snp_slot_minutes, snp_slot_buffer_minutes,
         defined_at, removed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, case when $15 then $14::timestamptz end,
               $16::timestamptz)
       on conflict (opening_range_id) do update set
         ${described},
         removed_at = least(opening_range_fact.removed_at, excluded.removed_at)`,
      [
        change.openingRangeId,
        change.structureId,
        change.practitionerId,
        change.siteId,
        d?.timeZone ?? null,
        d?.recurrence ?? null,
        d?.startTime ?? null,
        d?.endTime ?? null,
        d?.validFrom ?? null,
        d?.validUntil ?? null,
        d?.snpShare ?? null,
        d?.snpSlot?.durationMinutes ?? null,
        d?.snpSlot?.bufferAfterMinutes ?? null,
        change.at,
        d !== null,
        change.change === 'removed' ? change.removedAt : null,
      ],
    );
  }

  async upsertAbsenceDeclared(
    absence: { absenceId: string; structureId: string; practitionerId: string; start: Date; end: Date },
    at: Date,
  ): Promise<void> {
    await this.manager().query(
      `insert into absence_fact (absence_id, structure_id, practitioner_id, starts_at, ends_at, declared_at)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (absence_id) do update
         set starts_at = excluded.starts_at, ends_at = excluded.ends_at, declared_at = excluded.declared_at
         where absence_fact.declared_at is null or absence_fact.declared_at <= excluded.declared_at`,
      [absence.absenceId, absence.structureId, absence.practitionerId, absence.start, absence.end, at],
    );
  }

  async upsertAbsenceEnded(
    absence: { absenceId: string; structureId: string; practitionerId: string; end: Date },
    at: Date,
  ): Promise<void> {
    await this.manager().query(
      `insert into absence_fact (absence_id, structure_id, practitioner_id, ended_ends_at, ended_at)
       values ($1, $2, $3, $4, $5)
       on conflict (absence_id) do update set ended_ends_at = excluded.ended_ends_at, ended_at = excluded.ended_at
         where absence_fact.ended_at is null or absence_fact.ended_at <= excluded.ended_at`,
      [absence.absenceId, absence.structureId, absence.practitionerId, absence.end, at],
    );
  }

  async ranges(structureId: string, from: string, to: string): Promise<OpeningRangeFact[]> {
    // A removal before the window's first day (a day early: the zones' offsets) leaves no occurrence in it.
    const rows = await this.manager().query<RangeRow[]>(
      `select opening_range_id, practitioner_id, site_id, time_zone, recurrence, start_time, end_time,
              to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_until, 'YYYY-MM-DD') as valid_until,
              snp_share, snp_slot_minutes, snp_slot_buffer_minutes, removed_at
         from opening_range_fact
        where structure_id = $1 and defined_at is not null
          and valid_from <= $3::date and (valid_until is null or valid_until >= $2::date)
          and (removed_at is null or removed_at >= ($2::date - 1)::timestamp at time zone 'UTC')
        order by opening_range_id`,
      [structureId, from, to],
    );
    return rows.map((r) => ({
      openingRangeId: r.opening_range_id,
      practitionerId: r.practitioner_id,
      siteId: r.site_id,
      timeZone: r.time_zone,
      recurrence: r.recurrence,
      startTime: r.start_time,
      endTime: r.end_time,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      snpShare: Number(r.snp_share),
      snpSlot:
        r.snp_slot_minutes === null
          ? null
          : { durationMinutes: r.snp_slot_minutes, bufferAfterMinutes: r.snp_slot_buffer_minutes ?? 0 },
      removedAt: r.removed_at ? new Date(r.removed_at) : null,
    }));
  }

  async absences(practitionerIds: readonly string[], start: Date, end: Date): Promise<Unavailability[]> {
    if (!practitionerIds.length) return [];
    // Known once declared; an end given by absence.ended applies only if earlier than the declared one.
    const rows = await this.manager().query<Array<{ practitioner_id: string; starts_at: Date; ends_at: Date }>>(
      `select practitioner_id, starts_at, least(ends_at, coalesce(ended_ends_at, ends_at)) as ends_at
         from absence_fact
        where practitioner_id = any($1::uuid[]) and starts_at is not null
          and starts_at < $3 and least(ends_at, coalesce(ended_ends_at, ends_at)) > $2
        order by practitioner_id, starts_at`,
      [practitionerIds, start, end],
    );
    return rows.map((r) => ({
      practitionerId: r.practitioner_id,
      start: new Date(r.starts_at),
      end: new Date(r.ends_at),
    }));
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}
