import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DateTime } from 'luxon';
import type { Client } from 'pg';
import { withDatabase } from '../load/database';
import { from as copyFrom } from 'pg-copy-streams';
import {
  type Dataset,
  medecinTraitantOf,
  patientPhone,
  pick,
  seededRandom,
  slotStarts,
  SLOT_MINUTES,
  TIME_ZONE,
  WEEKDAYS,
  WORKING_HOURS,
} from './dataset-plan';

export interface SeedTargets {
  directoryUrl: string;
  schedulingUrl: string;
}

export interface SeedReport {
  appointments: number;
  seconds: number;
}

export type Cell = string | number | boolean | null | readonly string[];

/** One line of PostgreSQL's COPY text format; the generated values hold no tab, newline or backslash. */
function line(cells: readonly Cell[]): string {
  return `${cells
    .map((cell) => {
      if (cell === null) return '\\N';
      if (Array.isArray(cell)) return `{${cell.join(',')}}`;
      return String(cell);
    })
    .join('\t')}\n`;
}

export async function copy(
  client: Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<Cell[]>,
): Promise<void> {
  const sink = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(
    Readable.from(
      (function* () {
        // Batches of lines: one stream chunk per row would make COPY of a million rows CPU-bound in the bench itself.
        let batch = '';
        for (const row of rows) {
          batch += line(row);
          if (batch.length > 1 << 16) {
            yield batch;
            batch = '';
          }
        }
        if (batch) yield batch;
      })(),
    ),
    sink,
  );
}

/**
 * Writes a dataset straight into the services' tables with COPY (never through the API): the directory's structure,
 * sites, members and patients (each with a phone of their own), and scheduling's copies of sites and members (which events would otherwise bring), its
 * motifs, opening ranges and appointments. Each database is written in one transaction, then analysed.
 */
export async function seedDataset(dataset: Dataset, targets: SeedTargets): Promise<SeedReport> {
  const started = performance.now();
  await withDatabase(targets.directoryUrl, (client) => inTransaction(client, () => seedDirectory(client, dataset)));
  const appointments = await withDatabase(targets.schedulingUrl, (client) =>
    inTransaction(client, () => seedScheduling(client, dataset)),
  );
  return { appointments, seconds: (performance.now() - started) / 1000 };
}

export async function inTransaction<T>(client: Client, work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    const result = await work();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

async function seedDirectory(client: Client, dataset: Dataset): Promise<void> {
  const { structureId, sites } = dataset;
  const members = [...dataset.practitioners, dataset.secretary];
  const random = seededRandom(dataset.patientIds.length);
  await copy(
    client,
    'structure',
    ['id', 'kind', 'name'],
    [[structureId, 'MSP', `MSP banc d’essai ${dataset.size.name}`]],
  );
  await copy(
    client,
    'site',
    ['id', 'structure_id', 'name', 'address_line', 'postal_code', 'city', 'time_zone'],
    sites.map((s) => [s.id, structureId, s.name, '1 place de la Mairie', '69001', 'Lyon', TIME_ZONE]),
  );
  await copy(
    client,
    'member',
    ['id', 'first_name', 'last_name', 'email', 'profession'],
    members.map((m) => [m.id, m.firstName, m.lastName, m.email, m.profession]),
  );
  await copy(
    client,
    'membership',
    ['member_id', 'structure_id', 'roles', 'site_ids', 'joined_at'],
    members.map((m) => [m.id, structureId, m.roles, m.siteIds, new Date().toISOString()]),
  );
  await copy(
    client,
    'patient',
    ['id', 'structure_id', 'first_name', 'last_name', 'search_name', 'birth_date', 'phone', 'medecin_traitant_id'],
    (function* () {
      for (const [i, id] of dataset.patientIds.entries()) {
        const first = `Patient${i}`;
        const last = `Banc${Math.floor(random() * 1000)}`;
        const birth = DateTime.fromISO('1940-01-01').plus({ days: Math.floor(random() * 30_000) });
        const doctor = medecinTraitantOf(dataset, i);
        yield [
          id,
          structureId,
          first,
          last,
          `${last} ${first}`.toLowerCase(),
          birth.toISODate() as string,
          patientPhone(i),
          doctor.id,
        ];
      }
    })(),
  );
  for (const table of ['structure', 'site', 'member', 'membership', 'patient']) await client.query(`analyze ${table}`);
}

async function seedScheduling(client: Client, dataset: Dataset): Promise<number> {
  const { structureId, sites, practitioners, motifs } = dataset;
  const members = [...practitioners, dataset.secretary];
  await copy(
    client,
    'site_ref',
    ['site_id', 'structure_id', 'time_zone'],
    sites.map((s) => [s.id, structureId, TIME_ZONE]),
  );
  await copy(
    client,
    'team_member',
    ['member_id', 'structure_id', 'profession', 'roles', 'site_ids'],
    members.map((m) => [m.id, structureId, m.profession, m.roles, m.siteIds]),
  );
  await copy(
    client,
    'motif',
    ['id', 'structure_id', 'label', 'duration_minutes', 'channel', 'bookable_by', 'new_patients_allowed'],
    motifs.map((m) => [
      m.id,
      structureId,
      m.label,
      m.durationMinutes,
      'cabinet',
      ['staff', 'online', 'virtual_secretary'],
      true,
    ]),
  );
  await copy(
    client,
    'opening_range',
    ['id', 'structure_id', 'practitioner_id', 'site_id', 'recurrence', 'start_time', 'end_time', 'valid_from'],
    practitioners.flatMap((p) =>
      WORKING_HOURS.map(({ start, end }) => [
        randomUUID(),
        structureId,
        p.id,
        p.siteIds[0],
        WEEKDAYS,
        start,
        end,
        dataset.firstSeededDay,
      ]),
    ),
  );
  let appointments = 0;
  await copy(
    client,
    'appointment',
    [
      'id',
      'structure_id',
      'site_id',
      'practitioner_id',
      'patient_id',
      'motif_id',
      'starts_at',
      'ends_at',
      'status',
      'booked_by',
      'booked_by_actor',
    ],
    (function* () {
      for (const row of appointmentRows(dataset)) {
        appointments += 1;
        yield row;
      }
    })(),
  );
  for (const table of ['site_ref', 'team_member', 'motif', 'opening_range', 'appointment'])
    await client.query(`analyze ${table}`);
  return appointments;
}

/** Past appointments are done (one in twenty a no-show), later ones booked; 20-minute motifs only, on the slot grid. */
function* appointmentRows(dataset: Dataset): Generator<Cell[]> {
  const random = seededRandom(dataset.practitioners.length * 31);
  const now = Date.now();
  const shortMotifs = dataset.motifs.filter((m) => m.durationMinutes === SLOT_MINUTES);
  const last = DateTime.fromISO(dataset.firstFreeDay, { zone: TIME_ZONE });
  for (
    let day = DateTime.fromISO(dataset.firstSeededDay, { zone: TIME_ZONE });
    day < last;
    day = day.plus({ days: 1 })
  ) {
    if (day.weekday > 5) continue;
    const date = day.toISODate() as string;
    const starts = slotStarts(date);
    for (const practitioner of dataset.practitioners) {
      for (const start of starts) {
        if (random() >= dataset.size.fill) continue;
        const past = start.getTime() < now;
        yield [
          randomUUID(),
          dataset.structureId,
          practitioner.siteIds[0],
          practitioner.id,
          dataset.patientIds[Math.floor(random() * dataset.patientIds.length)],
          pick(random, shortMotifs).id,
          start.toISOString(),
          new Date(start.getTime() + SLOT_MINUTES * 60_000).toISOString(),
          past ? (random() < 0.05 ? 'no_show' : 'done') : 'booked',
          'staff',
          dataset.secretary.id,
        ];
      }
    }
  }
}
