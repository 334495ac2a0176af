import type { AppointmentStatus } from './appointment-status';
import type { ExceptionKind } from './schedule-exception';
import { groupBy } from './group-by';
import { spanWindow, type LocalDateSpan } from './agenda-window';
import type { Interval } from './interval';
import type { LocalDate } from './local-date';
import type { OpeningRange } from './opening-range';
import { rangeOccurrences } from './range-occurrences';

export interface AgendaSite {
  siteId: string;
  timeZone: string;
}

export interface AgendaPractitioner {
  practitionerId: string;
  profession: string;
}

/** A live appointment or hold as a shared view shows it; what a viewer may see of it is decided when it leaves. */
export interface AgendaAppointment extends Interval {
  id: string;
  structureId: string;
  siteId: string;
  practitionerId: string;
  motifId: string;
  motifLabel: string;
  patientId: string | null;
  status: AppointmentStatus;
  /** A pooled SNP booking (SCH-4): the other MSP of the CPTS that booked it, whose patient it is. */
  bookingStructureId?: string | null;
}

export interface AgendaAbsence extends Interval {
  id: string;
  structureId: string;
  practitionerId: string;
  kind: ExceptionKind;
}

/** Time a coordination meeting holds in a practitioner's agenda: busy, and nothing more of the meeting is told. */
export interface AgendaMeetingBlock extends Interval {
  practitionerId: string;
}

/** One occurrence of an opening range on a local date of its site. */
export interface AgendaOpening extends Interval {
  rangeId: string;
  practitionerId: string;
  siteId: string;
  date: LocalDate;
  motifIds: string[];
  snpShare: number;
}

/** Local midnight to midnight of the span, in one site's zone. */
export interface SiteWindow extends Interval {
  siteId: string;
  timeZone: string;
}

export interface PractitionerAgenda extends AgendaPractitioner {
  openings: AgendaOpening[];
  appointments: AgendaAppointment[];
  absences: AgendaAbsence[];
  meetingBlocks: AgendaMeetingBlock[];
}

export interface AgendaView {
  span: LocalDateSpan;
  windows: SiteWindow[];
  practitioners: PractitionerAgenda[];
}

export interface AgendaSources {
  span: LocalDateSpan;
  sites: readonly AgendaSite[];
  practitioners: readonly AgendaPractitioner[];
  ranges: readonly OpeningRange[];
  appointments: readonly AgendaAppointment[];
  absences: readonly AgendaAbsence[];
  meetingBlocks: readonly AgendaMeetingBlock[];
}

const overlaps = (a: Interval, b: Interval) =>
  a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
const byStart = (a: Interval, b: Interval) => a.start.getTime() - b.start.getTime();

/**
 * Each practitioner's day(s) across the sites in view: opening-range occurrences and appointments of each site within
 * that site's own local days, and the practitioner's absences and meeting blocks over them. Practitioners in the order given.
 */
export function buildAgendaView(sources: AgendaSources): AgendaView {
  const windows = sources.sites.map((site) => ({
    ...spanWindow(sources.span, site.timeZone),
    siteId: site.siteId,
    timeZone: site.timeZone,
  }));
  const windowOf = new Map(windows.map((w) => [w.siteId, w]));
  const openings: AgendaOpening[] = windows.flatMap((window) =>
    rangeOccurrences(
      sources.ranges.filter((r) => r.siteId === window.siteId),
      window.timeZone,
      sources.span.from,
      sources.span.to,
    ).map((o) => ({
      rangeId: o.range.id,
      practitionerId: o.range.practitionerId,
      siteId: o.range.siteId,
      date: o.date,
      start: o.start,
      end: o.end,
      motifIds: o.range.motifIds,
      snpShare: o.range.snpShare,
    })),
  );
  const appointments = sources.appointments.filter((a) => {
    const window = windowOf.get(a.siteId);
    return window !== undefined && overlaps(a, window);
  });
  const absences = sources.absences.filter((absence) => windows.some((w) => overlaps(absence, w)));
  const meetingBlocks = sources.meetingBlocks.filter((block) => windows.some((w) => overlaps(block, w)));
  // Grouped once, not filtered per practitioner: a structure-wide week of 500 practitioners holds thousands of each.
  const openingsOf = groupBy(openings, (o) => o.practitionerId);
  const appointmentsOf = groupBy(appointments, (a) => a.practitionerId);
  const absencesOf = groupBy(absences, (a) => a.practitionerId);
  const meetingBlocksOf = groupBy(meetingBlocks, (b) => b.practitionerId);
  return {
    span: sources.span,
    windows,
    practitioners: sources.practitioners.map((p) => ({
      ...p,
      openings: (openingsOf.get(p.practitionerId) ?? []).sort(byStart),
      appointments: (appointmentsOf.get(p.practitionerId) ?? []).sort(byStart),
      absences: (absencesOf.get(p.practitionerId) ?? []).sort(byStart),
      meetingBlocks: (meetingBlocksOf.get(p.practitionerId) ?? []).sort(byStart),
    })),
  };
}
