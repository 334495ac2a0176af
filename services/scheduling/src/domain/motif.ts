import { BOOKING_CHANNELS, isBookingChannel, type BookingChannel } from './booking-channel';
import { SchedulingError } from './scheduling-error';

export const CONSULTATION_CHANNELS = ['cabinet', 'home_visit', 'teleconsultation'] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];

/** A consultation type (motif) of a structure, or of one practitioner when `practitionerId` is set. */
export interface Motif {
  id: string;
  structureId: string;
  practitionerId: string | null;
  label: string;
  durationMinutes: number;
  channel: ConsultationChannel;
  bookableBy: BookingChannel[];
  newPatientsAllowed: boolean;
  bufferAfterMinutes: number;
  /** Slots starting sooner than this after "now" are not offered. */
  minNoticeMinutes: number;
  /** Slots starting later than this many days after "now" are not offered. */
  maxHorizonDays: number;
  /** Once stored: bumped by every change (an edit names the version it was made from). */
  version?: number;
  /** Once stored: when it was archived (no longer offered for new bookings; its appointments still read it). */
  archivedAt?: Date | null;
}

export type MotifDraft = Omit<
  Motif,
  'bufferAfterMinutes' | 'minNoticeMinutes' | 'maxHorizonDays' | 'practitionerId' | 'version' | 'archivedAt'
> & {
  practitionerId?: string | null;
  bufferAfterMinutes?: number | null;
  minNoticeMinutes?: number | null;
  maxHorizonDays?: number | null;
};

const MAX_DURATION_MINUTES = 8 * 60;

function wholeNumber(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw SchedulingError.invalid(field, `must be a whole number from ${min} to ${max}`);
  return value;
}

/** Checks a motif field by field; `prefix` is how the client named the object (e.g. `input`). */
export function createMotif(draft: MotifDraft, prefix = 'input'): Motif {
  const label = draft.label.trim();
  if (label.length < 1 || label.length > 80)
    throw SchedulingError.invalid(`${prefix}.label`, 'must be 1 to 80 characters');
  if (!Number.isInteger(draft.durationMinutes) || draft.durationMinutes <= 0) {
    throw SchedulingError.invalid(`${prefix}.durationMinutes`, 'must be a whole number of minutes greater than 0');
  }
  wholeNumber(draft.durationMinutes, `${prefix}.durationMinutes`, 1, MAX_DURATION_MINUTES);
  if (!(CONSULTATION_CHANNELS as readonly string[]).includes(draft.channel)) {
    throw SchedulingError.invalid(`${prefix}.channel`, `must be one of ${CONSULTATION_CHANNELS.join(', ')}`);
  }
  const bookableBy = [...new Set(draft.bookableBy)];
  if (!bookableBy.length || !bookableBy.every(isBookingChannel)) {
    throw SchedulingError.invalid(`${prefix}.bookableBy`, `must list at least one of ${BOOKING_CHANNELS.join(', ')}`);
  }
  return {
    id: draft.id,
    structureId: draft.structureId,
    practitionerId: draft.practitionerId ?? null,
    label,
    durationMinutes: draft.durationMinutes,
    channel: draft.channel,
    bookableBy,
    newPatientsAllowed: draft.newPatientsAllowed,
    bufferAfterMinutes: wholeNumber(draft.bufferAfterMinutes ?? 0, `${prefix}.bufferAfterMinutes`, 0, 120),
    minNoticeMinutes: wholeNumber(draft.minNoticeMinutes ?? 0, `${prefix}.minNoticeMinutes`, 0, 60 * 24 * 30),
    maxHorizonDays: wholeNumber(draft.maxHorizonDays ?? 90, `${prefix}.maxHorizonDays`, 1, 730),
  };
}

/** An archived motif is no longer offered for new bookings, by anyone; its appointments keep it. */
export function assertOfferable(motif: Pick<Motif, 'archivedAt'>, field: string): void {
  if (motif.archivedAt) throw SchedulingError.invalid(field, 'this motif is archived: it is no longer offered');
}

export function motifAppliesTo(motif: Pick<Motif, 'practitionerId'>, practitionerId: string): boolean {
  return motif.practitionerId === null || motif.practitionerId === practitionerId;
}

/**
 * The motif the virtual secretary offers a caller who wants an appointment, unless a site chose another: a
 * structure-wide cabinet motif it may book, the shortest (an ordinary consultation rather than a long one) among those
 * general practitioners' ranges offer — a caller is first matched with their médecin traitant, who could offer no slot
 * of, say, a nurse's vaccination — else the shortest of all. Ties go to the label, then the id, so that every replica
 * answers the same. Null when the structure has none.
 */
export function defaultPhoneMotif(
  motifs: readonly Motif[],
  offeredByGeneralPractitioners: (motifId: string) => boolean,
): Motif | null {
  const bookable = motifs.filter(
    (m) => m.practitionerId === null && m.channel === 'cabinet' && m.bookableBy.includes('virtual_secretary'),
  );
  const preferred = bookable.filter((m) => offeredByGeneralPractitioners(m.id));
  const [first] = (preferred.length ? preferred : bookable).sort(
    (a, b) => a.durationMinutes - b.durationMinutes || a.label.localeCompare(b.label) || a.id.localeCompare(b.id),
  );
  return first ?? null;
}
