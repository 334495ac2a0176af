import type { EventInput } from '@fullcalendar/core';
import type { AgendaAppointment, AppointmentStatus, PractitionerAgenda } from './agenda.queries';

/**
 * Motif colours: dark enough that white text keeps at least 4.5:1 contrast (WCAG AA), and told apart by hue.
 */
export const MOTIF_COLOURS = [
  '#1864ab',
  '#237032',
  '#862e9c',
  '#c92a2a',
  '#087f5b',
  '#5f3dc4',
  '#a14000',
  '#c2255c',
  '#0b7285',
  '#7a5c00',
  '#364fc7',
  '#495057',
] as const;

/** A motif's colour, by its label: each practitioner's own "Consultation" looks like the others'. */
export type MotifColours = (motifLabel: string) => string;

/**
 * Colours by the structure's motif labels in alphabetical order, so that a motif keeps its colour from week to week
 * and the first twelve labels never share one; a label the list does not hold (an archived motif) gets one by hash.
 */
export function motifColours(labels: readonly string[]): MotifColours {
  const sorted = [...new Set(labels)].sort((a, b) => a.localeCompare(b, 'fr'));
  return (label) => {
    const index = sorted.indexOf(label);
    if (index >= 0) return MOTIF_COLOURS[index % MOTIF_COLOURS.length];
    let hash = 0;
    for (const character of label) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
    return MOTIF_COLOURS[hash % MOTIF_COLOURS.length];
  };
}

export function practitionerName(agenda: Pick<PractitionerAgenda, 'practitioner' | 'practitionerId'>): string {
  return agenda.practitioner ? `${agenda.practitioner.firstName} ${agenda.practitioner.lastName}` : '—';
}

export function patientName(patient: AgendaAppointment['patient']): string | null {
  return patient ? `${patient.lastName.toUpperCase()} ${patient.firstName}` : null;
}

/** What an appointment event carries for its rendering (`AppointmentEventContent`). */
export interface AppointmentEventDetails {
  kind: 'appointment';
  motifLabel: string;
  patient: string | null;
  practitioner: string;
  status: AppointmentStatus | null;
}

const STATUS_CLASS: Record<AppointmentStatus, string> = {
  BOOKED: 'appointment--booked',
  CONFIRMED: 'appointment--confirmed',
  HELD: 'appointment--held',
  ARRIVED: 'appointment--arrived',
  IN_CONSULTATION: 'appointment--in-consultation',
  DONE: 'appointment--done',
  NO_SHOW: 'appointment--no-show',
  CANCELLED: 'appointment--cancelled',
};

/** Statuses an appointment may be moved from (scheduling reschedules booked and confirmed appointments). */
const MOVABLE: ReadonlySet<AppointmentStatus> = new Set(['BOOKED', 'CONFIRMED']);

/**
 * The week's FullCalendar events for the practitioners shown: appointments coloured by motif and styled by status,
 * absences and meeting blocks as background time. Instants stay ISO strings with their offset: the calendar shows them
 * in the site's zone.
 */
export function agendaEvents(
  practitioners: readonly PractitionerAgenda[],
  labels: { meeting: string; absence: string },
  colourOf: MotifColours,
  options: { movable?: boolean } = {},
): EventInput[] {
  return practitioners.flatMap((agenda) => {
    const practitioner = practitionerName(agenda);
    const appointments = agenda.appointments.map<EventInput>((appointment) => ({
      id: appointment.id,
      start: appointment.startsAt,
      end: appointment.endsAt,
      title: [appointment.motifLabel, patientName(appointment.patient), practitioner].filter(Boolean).join(' — '),
      backgroundColor: colourOf(appointment.motifLabel),
      borderColor: colourOf(appointment.motifLabel),
      textColor: '#ffffff',
      classNames: ['appointment', ...(appointment.status ? [STATUS_CLASS[appointment.status]] : [])],
      startEditable:
        !!options.movable && appointment.detailsVisible && !!appointment.status && MOVABLE.has(appointment.status),
      extendedProps: {
        kind: 'appointment',
        motifLabel: appointment.motifLabel,
        patient: patientName(appointment.patient),
        practitioner,
        status: appointment.status,
      } satisfies AppointmentEventDetails,
    }));
    const absences = agenda.absences.map<EventInput>((absence) => ({
      id: `absence-${absence.id}`,
      start: absence.startsAt,
      end: absence.endsAt,
      display: 'background',
      title: `${labels.absence} — ${practitioner}`,
      classNames: ['agenda-absence'],
    }));
    const meetings = agenda.meetingBlocks.map<EventInput>((block, index) => ({
      id: `meeting-${agenda.practitionerId}-${index}`,
      start: block.startsAt,
      end: block.endsAt,
      display: 'background',
      title: `${labels.meeting} — ${practitioner}`,
      classNames: ['agenda-meeting'],
    }));
    return [...appointments, ...absences, ...meetings];
  });
}

/** Free SNP (unscheduled care) slots as background time marked "SNP": kept for same-day care until released. */
export function snpEvents(
  slots: ReadonlyArray<{ startsAt: string; endsAt: string; practitionerId: string }>,
  title: string,
): EventInput[] {
  return slots.map((slot) => ({
    id: `snp-${slot.practitionerId}-${slot.startsAt}`,
    start: slot.startsAt,
    end: slot.endsAt,
    display: 'background',
    title,
    classNames: ['agenda-snp'],
    extendedProps: { kind: 'snp' },
  }));
}
