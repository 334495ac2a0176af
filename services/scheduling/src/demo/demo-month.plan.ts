import { DemoDraw, type DemoMonth } from '@msp/service-kit';
import { DateTime } from 'luxon';
import { overlapsAny, type Interval } from '../domain/interval';
import { addDays, type LocalDate } from '../domain/local-date';
import { motifAppliesTo, type Motif } from '../domain/motif';
import { rangeAllowsMotif, type OpeningRange } from '../domain/opening-range';
import { rangeOccurrences } from '../domain/range-occurrences';
import type { PractitionerInterval } from '../domain/slot-generator';
import { isSnpIndex } from '../domain/snp-release';
import { parseWallTime } from '../domain/wall-time';
import { atWallTime } from '../domain/zoned-time';
import { DEMO_MOTIFS } from './demo-motifs';

/**
 * What the demo month is drawn from. Each value says where it comes from (README, "Demo month", has the table); none is
 * adjusted to make an indicator come out at a given figure.
 */
export interface DemoMonthInputs {
  /**
   * Chance that a free slot of a physician's agenda (the grid of their main motif, unscheduled-care slots apart) is
   * booked ahead. Assumption: no figure of consultations per day in the seeds or the facts, which only say,
   * qualitatively, that patients find it hard to get an appointment at peak hours (MadeForMed booklet).
   */
  physicianAdvanceFill: number;
  /** Chance that an unscheduled-care (SNP) slot is taken on its day. Assumption. */
  snpSameDayFill: number;
  /** Chance that a free slot of the other professions' agendas is booked ahead. Assumption. */
  otherAdvanceFill: number;
  /** No-show rate of general practitioners' appointments: 2.6 % (Doctolib figures, facts §5, OPS-NO-SHOW-RATE notes). */
  gpNoShowRate: number;
  /** No-show rate of every other practitioner: 3.3 %, Doctolib's 2024 figure for all practitioners (facts §5). */
  otherNoShowRate: number;
  /** Share of bookings made ahead that the patient cancels before the day. Assumption. */
  cancellationShare: number;
  /** Bookings ahead are made 1 + Poisson(mean) working days before the appointment. Assumption. */
  meanExtraLeadDays: number;
  /** When the desk books ahead (site wall time). Assumption, inside every demo site's opening hours. */
  deskHours: [string, string];
  /** Relative weight of each demo motif among a practitioner's motifs. Assumption. */
  motifWeights: Readonly<Record<string, number>>;
}

export const DEMO_MONTH_INPUTS: DemoMonthInputs = {
  physicianAdvanceFill: 0.85,
  snpSameDayFill: 0.6,
  otherAdvanceFill: 0.7,
  gpNoShowRate: 0.026,
  otherNoShowRate: 0.033,
  cancellationShare: 0.05,
  meanExtraLeadDays: 4,
  deskHours: ['08:30', '18:30'],
  motifWeights: {
    consultation: 80,
    long: 8,
    'home-visit': 4,
    teleconsultation: 8,
    'nurse-care': 75,
    vaccination: 10,
    'advanced-practice': 40,
    physiotherapy: 80,
    midwife: 80,
    psychology: 80,
    dietetics: 80,
    podiatry: 80,
    'speech-therapy': 80,
    dental: 80,
  },
};

/** Everything the month is drawn from, as scheduling holds it once the demo agendas exist. */
export interface DemoMonthSetting {
  structureId: string;
  /** The demo month (`demoMonth` of @msp/service-kit) and the month before it, for bookings made before its first day. */
  month: DemoMonth;
  monthBefore: DemoMonth;
  practitioners: ReadonlyArray<{ memberId: string; profession: string }>;
  sites: ReadonlyArray<{ siteId: string; timeZone: string }>;
  ranges: readonly OpeningRange[];
  motifs: readonly Motif[];
  /** Opaque ids of the structure's patients. */
  patientIds: readonly string[];
  /** Absences, meetings and appointments already in the agendas: no demo appointment is put over them. */
  blocked: readonly PractitionerInterval[];
  inputs?: DemoMonthInputs;
}

export type DemoOutcome = 'completed' | 'no_show' | 'cancelled';

export interface PlannedAppointment {
  /** Its place in the month, to tie its later steps to the booking. */
  ref: number;
  practitionerId: string;
  siteId: string;
  motifId: string;
  patientId: string;
  startsAt: Date;
  endsAt: Date;
  bookedAt: Date;
  /** An unscheduled-care slot taken on its day; otherwise booked a working day or more ahead. */
  sameDay: boolean;
  outcome: DemoOutcome;
  cancelledAt: Date | null;
  /** Completed ones: the patient arrives, the practitioner starts and ends the consultation. */
  arrivedAt: Date | null;
  startedAt: Date | null;
  /** The end of a completed consultation, or when a no-show is marked (the end of the slot). */
  closedAt: Date | null;
}

export interface DemoMonthDay {
  date: LocalDate;
  appointments: PlannedAppointment[];
}

export type DemoStepKind = 'book' | 'cancel' | 'arrive' | 'start' | 'complete' | 'no_show';

/** One handler call of the demo month, at the instant it happens. */
export interface DemoStep {
  at: Date;
  kind: DemoStepKind;
  appointment: PlannedAppointment;
}

const MINUTE = 60_000;
const PHYSICIANS = ['general_practitioner', 'specialist_physician'];
const KEY_OF_LABEL = new Map(DEMO_MOTIFS.map((m) => [m.label, m.key]));

interface WeightedMotif {
  motif: Motif;
  weight: number;
  /** Cells of the practitioner's grid it takes, its buffer included. */
  cells: number;
}

/**
 * The demo month of one structure, day by day: each practitioner's range occurrences on the month's working days
 * (public holidays closed) cut into the grid of their main motif; each free cell booked ahead with the profession's
 * fill (a motif drawn by weight, spanning as many cells as it lasts), unscheduled-care cells taken on the day; then
 * each booking cancelled before the day, missed or completed. Pure: the same setting gives the same month, drawn with
 * `DemoDraw(structureId + practitioner)` so one practitioner's month does not move when a colleague's changes.
 */
export function planDemoMonth(setting: DemoMonthSetting): DemoMonthDay[] {
  const inputs = setting.inputs ?? DEMO_MONTH_INPUTS;
  const workingDays = new Set(setting.month.workingDays.map((d) => d.date));
  const calendar = new DeskCalendar(
    new Set([...workingDays, ...setting.monthBefore.workingDays.map((d) => d.date)]),
    setting.monthBefore.days[0].date,
    inputs.deskHours,
  );
  const zoneOf = new Map(setting.sites.map((s) => [s.siteId, s.timeZone]));
  const patients = [...setting.patientIds].sort();
  const first = setting.month.days[0].date;
  const last = setting.month.days[setting.month.days.length - 1].date;
  const byDay = new Map<LocalDate, PlannedAppointment[]>();
  /** Per day, each patient's appointments: nobody is in two places at once. */
  const patientTime = new Map<LocalDate, Map<string, Interval[]>>();
  let ref = 0;

  for (const practitioner of [...setting.practitioners].sort((a, b) => (a.memberId < b.memberId ? -1 : 1))) {
    const ranges = setting.ranges.filter((r) => r.practitionerId === practitioner.memberId);
    const weighted = weightedMotifs(setting.motifs, practitioner.memberId, inputs).filter((w) =>
      ranges.some((r) => rangeAllowsMotif(r, w.motif.id)),
    );
    if (!ranges.length || !weighted.length || !patients.length) continue;
    const main = weighted.reduce((a, b) => (b.weight > a.weight ? b : a));
    const cellMs = (main.motif.durationMinutes + main.motif.bufferAfterMinutes) * MINUTE;
    for (const w of weighted)
      w.cells = Math.ceil(((w.motif.durationMinutes + w.motif.bufferAfterMinutes) * MINUTE) / cellMs);
    const physician = PHYSICIANS.includes(practitioner.profession);
    const fill = physician ? inputs.physicianAdvanceFill : inputs.otherAdvanceFill;
    const noShowRate =
      practitioner.profession === 'general_practitioner' ? inputs.gpNoShowRate : inputs.otherNoShowRate;
    const draw = new DemoDraw(`${setting.structureId} demo-month appointments ${practitioner.memberId}`);
    const busy: Interval[] = setting.blocked.filter((b) => b.practitionerId === practitioner.memberId);

    const occurrences = ranges
      .flatMap((range) => rangeOccurrences([range], zoneOf.get(range.siteId) ?? 'Europe/Paris', first, last))
      .filter((o) => workingDays.has(o.date))
      .sort((a, b) => a.start.getTime() - b.start.getTime() || (a.range.id < b.range.id ? -1 : 1));
    let lastClosed = 0;
    for (const occurrence of occurrences) {
      const zone = zoneOf.get(occurrence.range.siteId) ?? 'Europe/Paris';
      const allowed = weighted.filter((w) => rangeAllowsMotif(occurrence.range, w.motif.id));
      const mainHere = allowed.find((w) => w.motif.id === main.motif.id);
      if (!mainHere) continue;
      const cellCount = Math.floor((occurrence.end.getTime() - occurrence.start.getTime()) / cellMs);
      const snp = (i: number) => occurrence.range.snpShare > 0 && isSnpIndex(i, occurrence.range.snpShare);
      const take = (i: number, w: WeightedMotif, sameDay: boolean): boolean => {
        const start = new Date(occurrence.start.getTime() + i * cellMs);
        const slot = { start, end: new Date(start.getTime() + w.motif.durationMinutes * MINUTE) };
        const held = { start, end: new Date(start.getTime() + w.cells * cellMs) };
        if (overlapsAny(held, busy)) return false;
        const patientId = pickPatient(draw, patients, patientTime, occurrence.date, slot);
        busy.push(held);
        const appointment = lifeOf(draw, inputs, {
          ref: ref++,
          practitionerId: practitioner.memberId,
          siteId: occurrence.range.siteId,
          motifId: w.motif.id,
          patientId,
          slot,
          sameDay,
          date: occurrence.date,
          zone,
          calendar,
          noShowRate,
          lastClosed,
        });
        if (appointment.closedAt && appointment.outcome === 'completed') lastClosed = appointment.closedAt.getTime();
        const day = byDay.get(occurrence.date) ?? [];
        day.push(appointment);
        byDay.set(occurrence.date, day);
        return true;
      };
      for (let i = 0; i < cellCount;) {
        if (snp(i)) {
          if (draw.chance(inputs.snpSameDayFill)) take(i, mainHere, true);
          i += 1;
          continue;
        }
        if (!draw.chance(fill)) {
          i += 1;
          continue;
        }
        let chosen = pickWeighted(draw, allowed);
        const fits = (w: WeightedMotif) =>
          i + w.cells <= cellCount && Array.from({ length: w.cells }, (_, k) => i + k).every((k) => !snp(k));
        if (!fits(chosen)) chosen = mainHere;
        i += fits(chosen) && take(i, chosen, false) ? chosen.cells : 1;
      }
    }
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, appointments]) => ({
      date,
      appointments: appointments.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.ref - b.ref),
    }));
}

/** The handler calls of one day's appointments, in the order they happen (a booking before anything about it). */
export function stepsOf(day: DemoMonthDay): DemoStep[] {
  const order: Record<DemoStepKind, number> = { book: 0, cancel: 1, arrive: 2, start: 3, complete: 4, no_show: 5 };
  const steps: DemoStep[] = [];
  for (const appointment of day.appointments) {
    const add = (kind: DemoStepKind, at: Date | null) => at && steps.push({ at, kind, appointment });
    add('book', appointment.bookedAt);
    if (appointment.outcome === 'cancelled') add('cancel', appointment.cancelledAt);
    if (appointment.outcome === 'no_show') add('no_show', appointment.closedAt);
    if (appointment.outcome === 'completed') {
      add('arrive', appointment.arrivedAt);
      add('start', appointment.startedAt);
      add('complete', appointment.closedAt);
    }
  }
  return steps.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.appointment.ref - b.appointment.ref || order[a.kind] - order[b.kind],
  );
}

/** The demo motifs (recognised by label) a practitioner may be booked for, each with its weight. */
function weightedMotifs(motifs: readonly Motif[], practitionerId: string, inputs: DemoMonthInputs): WeightedMotif[] {
  return [...motifs]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .filter((m) => m.bookableBy.includes('staff') && motifAppliesTo(m, practitionerId))
    .map((motif) => ({ motif, weight: inputs.motifWeights[KEY_OF_LABEL.get(motif.label) ?? ''] ?? 0, cells: 1 }))
    .filter((w) => w.weight > 0);
}

function pickWeighted(draw: DemoDraw, items: readonly WeightedMotif[]): WeightedMotif {
  const total = items.reduce((sum, w) => sum + w.weight, 0);
  let ticket = draw.int(1, total);
  for (const item of items) {
    ticket -= item.weight;
    if (ticket <= 0) return item;
  }
  return items[items.length - 1];
}

/**
 * A patient of the structure for a slot: preferably one not seen that day, never one already booked at that time. The
 * demo directory's patients are fewer than a real patientèle, so some come back within the month.
 */
function pickPatient(
  draw: DemoDraw,
  patients: readonly string[],
  byDay: Map<LocalDate, Map<string, Interval[]>>,
  date: LocalDate,
  slot: Interval,
): string {
  const day = byDay.get(date) ?? new Map<string, Interval[]>();
  byDay.set(date, day);
  const free = (id: string) => !overlapsAny(slot, day.get(id) ?? []);
  let chosen: string | undefined;
  for (let attempt = 0; attempt < 10 && !chosen; attempt++) {
    const candidate = draw.pick(patients);
    if (attempt < 5 ? !day.has(candidate) : free(candidate)) chosen = candidate;
  }
  chosen ??= patients.find(free) ?? patients[0];
  day.set(chosen, [...(day.get(chosen) ?? []), slot]);
  return chosen;
}

interface Booking {
  ref: number;
  practitionerId: string;
  siteId: string;
  motifId: string;
  patientId: string;
  slot: Interval;
  sameDay: boolean;
  date: LocalDate;
  zone: string;
  calendar: DeskCalendar;
  noShowRate: number;
  /** When this practitioner's previous consultation ended: the next one does not start before. */
  lastClosed: number;
}

/** When it was booked, and what became of it. */
function lifeOf(draw: DemoDraw, inputs: DemoMonthInputs, b: Booking): PlannedAppointment {
  const start = b.slot.start.getTime();
  const end = b.slot.end.getTime();
  const bookedAt = b.sameDay ? sameDayBooking(draw, b) : new Date(aheadBooking(draw, inputs, b));
  const base = {
    ref: b.ref,
    practitionerId: b.practitionerId,
    siteId: b.siteId,
    motifId: b.motifId,
    patientId: b.patientId,
    startsAt: b.slot.start,
    endsAt: b.slot.end,
    bookedAt,
    sameDay: b.sameDay,
    cancelledAt: null,
    arrivedAt: null,
    startedAt: null,
    closedAt: null,
  };
  if (!b.sameDay && draw.chance(inputs.cancellationShare)) {
    // Between an hour after booking and two hours before the appointment.
    const from = bookedAt.getTime() + 60 * MINUTE;
    const to = start - 120 * MINUTE;
    if (to > from)
      return {
        ...base,
        outcome: 'cancelled',
        cancelledAt: new Date(from + draw.int(0, (to - from) / MINUTE) * MINUTE),
      };
  }
  if (draw.chance(b.noShowRate)) return { ...base, outcome: 'no_show', closedAt: b.slot.end };
  const arrivedAt = Math.max(start - draw.int(0, 10) * MINUTE, bookedAt.getTime() + MINUTE);
  const startedAt = Math.max(start + draw.int(0, 5) * MINUTE, b.lastClosed, arrivedAt);
  return {
    ...base,
    outcome: 'completed',
    arrivedAt: new Date(arrivedAt),
    startedAt: new Date(startedAt),
    closedAt: new Date(startedAt + (end - start)),
  };
}

/** A working day or more ahead, at a minute of the desk's hours. */
function aheadBooking(draw: DemoDraw, inputs: DemoMonthInputs, b: Booking): number {
  const date = b.calendar.workingDaysBefore(b.date, 1 + draw.count(inputs.meanExtraLeadDays));
  const [opens, closes] = b.calendar.deskHours(date, b.zone);
  return opens + draw.int(0, (closes - opens) / MINUTE - 1) * MINUTE;
}

/** Working days counted back and the desk's hours of a day, each worked out once (luxon is the plan's main cost). */
class DeskCalendar {
  private readonly before = new Map<string, LocalDate>();
  private readonly hours = new Map<string, [number, number]>();

  constructor(
    /** The working days of the demo month and of the month before it. */
    private readonly openDays: ReadonlySet<LocalDate>,
    /** The first day of the month before: earlier days are taken as open on weekdays (holidays not looked up). */
    private readonly knownFrom: LocalDate,
    private readonly desk: [string, string],
  ) {}

  workingDaysBefore(date: LocalDate, count: number): LocalDate {
    const key = `${date} ${count}`;
    let found = this.before.get(key);
    if (!found) {
      found = date;
      for (let left = count; left > 0;) {
        found = addDays(found, -1);
        const weekday = DateTime.fromISO(found, { zone: 'utc' }).weekday;
        if (this.openDays.has(found) || (found < this.knownFrom && weekday <= 5)) left -= 1;
      }
      this.before.set(key, found);
    }
    return found;
  }

  deskHours(date: LocalDate, zone: string): [number, number] {
    const key = `${date} ${zone}`;
    let hours = this.hours.get(key);
    if (!hours) {
      const at = (time: string) => atWallTime(date, parseWallTime(time, 'deskHours'), zone).getTime();
      hours = [at(this.desk[0]), at(this.desk[1])];
      this.hours.set(key, hours);
    }
    return hours;
  }
}

/** An unscheduled-care slot is given on its day, from 08:00 until a quarter of an hour before it. */
function sameDayBooking(draw: DemoDraw, b: Booking): Date {
  const from = atWallTime(b.date, { hour: 8, minute: 0 }, b.zone).getTime();
  const to = b.slot.start.getTime() - 15 * MINUTE;
  return new Date(to <= from ? to : from + draw.int(0, Math.floor((to - from) / MINUTE)) * MINUTE);
}
