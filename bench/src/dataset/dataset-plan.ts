import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';

/**
 * The size of a benchmark dataset: one MSP with its sites, practitioners, motifs and patients, and appointments from
 * `daysBefore` days ago to `daysAfter` days ahead, filling `fill` of each practitioner's 20-minute slots.
 */
export interface DatasetSize {
  name: string;
  practitioners: number;
  sites: number;
  patients: number;
  daysBefore: number;
  daysAfter: number;
  fill: number;
}

export const BASE_DATASET: DatasetSize = {
  name: 'base',
  practitioners: 50,
  sites: 3,
  patients: 5_000,
  daysBefore: 28,
  daysAfter: 28,
  fill: 0.35,
};

/** 10× the base: ten times the practitioners, sites and patients, and a year of appointments. */
export const SCALE_DATASET: DatasetSize = {
  name: 'scale',
  practitioners: 500,
  sites: 30,
  patients: 50_000,
  daysBefore: 300,
  daysAfter: 65,
  fill: 0.35,
};

export const SMOKE_DATASET: DatasetSize = {
  name: 'smoke',
  practitioners: 4,
  sites: 2,
  patients: 50,
  daysBefore: 3,
  daysAfter: 3,
  fill: 0.3,
};

export const TIME_ZONE = 'Europe/Paris';
/** Mornings and afternoons, Monday to Friday, at the practitioner's one site. */
export const WORKING_HOURS = [
  { start: '08:00', end: '12:00' },
  { start: '14:00', end: '18:00' },
] as const;
export const WEEKDAYS = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
export const SLOT_MINUTES = 20;

export interface PlannedSite {
  id: string;
  name: string;
}

export interface PlannedMember {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  profession: string;
  roles: string[];
  siteIds: string[];
}

export interface PlannedMotif {
  id: string;
  label: string;
  durationMinutes: number;
}

/** Everything the scenarios need to address the dataset; appointments are streamed, never held in memory. */
export interface Dataset {
  size: DatasetSize;
  structureId: string;
  sites: PlannedSite[];
  practitioners: PlannedMember[];
  /** Books for every site: the scenarios act as this secretary. */
  secretary: PlannedMember;
  motifs: PlannedMotif[];
  /** The motif the scenarios book and search: 20 minutes, bookable by staff, on every practitioner's ranges. */
  consultation: PlannedMotif;
  patientIds: string[];
  /** Monday of the seeded week the week-view scenario reads (next week: full of booked appointments). */
  viewedWeek: string;
  /** First seeded and first free local dates: booking rounds take days from `firstFreeDay` on. */
  firstSeededDay: string;
  firstFreeDay: string;
}

const FIRST_NAMES = ['Camille', 'Louise', 'Jules', 'Hugo', 'Léa', 'Chloé', 'Gabriel', 'Inès', 'Arthur', 'Manon'];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau'];
const MOTIFS: readonly Omit<PlannedMotif, 'id'>[] = [
  { label: 'Consultation', durationMinutes: 20 },
  { label: 'Consultation longue', durationMinutes: 40 },
  { label: 'Suivi de maladie chronique', durationMinutes: 20 },
  { label: 'Renouvellement d’ordonnance', durationMinutes: 20 },
  { label: 'Vaccination', durationMinutes: 20 },
  { label: 'Soins infirmiers', durationMinutes: 20 },
];

/** A small deterministic generator (mulberry32), so two runs seed the same shapes. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

export function planDataset(size: DatasetSize, today: DateTime, tag: string): Dataset {
  const random = seededRandom(size.practitioners * 7919 + size.patients);
  const sites = Array.from({ length: size.sites }, (_, i) => ({ id: randomUUID(), name: `Site ${i + 1}` }));
  const person = (i: number, profession: string, roles: string[], siteIds: string[]): PlannedMember => {
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    return {
      id: randomUUID(),
      firstName,
      lastName,
      email: `${profession}.${i}.${tag}@bench.msp.test`,
      profession,
      roles,
      siteIds,
    };
  };
  const practitioners = Array.from({ length: size.practitioners }, (_, i) =>
    person(i, i % 10 < 7 ? 'general_practitioner' : 'nurse', ['practitioner'], [sites[i % sites.length].id]),
  );
  const secretary = person(
    0,
    'secretary',
    ['secretary'],
    sites.map((s) => s.id),
  );
  const motifs = MOTIFS.map((m) => ({ ...m, id: randomUUID() }));
  const monday = (date: DateTime) => date.startOf('week');
  const firstSeeded = today.minus({ days: size.daysBefore }).startOf('day');
  const firstFree = monday(today.plus({ days: size.daysAfter })).plus({ weeks: 1 });
  return {
    size,
    structureId: randomUUID(),
    sites,
    practitioners,
    secretary,
    motifs,
    consultation: motifs[0],
    patientIds: Array.from({ length: size.patients }, () => randomUUID()),
    viewedWeek: monday(today).plus({ weeks: 1 }).toISODate() as string,
    firstSeededDay: firstSeeded.toISODate() as string,
    firstFreeDay: firstFree.toISODate() as string,
  };
}

/** The mobile number of the dataset's `index`-th patient: one per patient, so the directory identifies each caller. */
export function patientPhone(index: number): string {
  return `+336${String(index).padStart(8, '0')}`;
}

/** Each patient's médecin traitant, in turn among the practitioners. */
export function medecinTraitantOf(dataset: Dataset, patientIndex: number): PlannedMember {
  return dataset.practitioners[patientIndex % dataset.practitioners.length];
}

/** The working weekdays from `from` (included), as local dates. */
export function workingDays(from: string, count: number): string[] {
  const days: string[] = [];
  let day = DateTime.fromISO(from, { zone: TIME_ZONE });
  while (days.length < count) {
    if (day.weekday <= 5) days.push(day.toISODate() as string);
    day = day.plus({ days: 1 });
  }
  return days;
}

/** The start instants of a practitioner's 20-minute slots on a local date. */
export function slotStarts(date: string): Date[] {
  return WORKING_HOURS.flatMap(({ start, end }) => {
    const starts: Date[] = [];
    let at = DateTime.fromISO(`${date}T${start}`, { zone: TIME_ZONE });
    const until = DateTime.fromISO(`${date}T${end}`, { zone: TIME_ZONE });
    while (at < until) {
      starts.push(at.toJSDate());
      at = at.plus({ minutes: SLOT_MINUTES });
    }
    return starts;
  });
}
