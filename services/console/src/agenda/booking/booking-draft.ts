import type { FreeSlot, PatientMatch } from '../agenda.queries';

/** The booking form as it is being filled; kept in sessionStorage (`useSessionDraft`) across a sign-in. */
export interface BookingDraft {
  open: boolean;
  practitionerId: string | null;
  motifId: string | null;
  slot: FreeSlot | null;
  patientQuery: string;
  patient: PatientMatch | null;
}

export const EMPTY_BOOKING_DRAFT: BookingDraft = {
  open: false,
  practitionerId: null,
  motifId: null,
  slot: null,
  patientQuery: '',
  patient: null,
};

export const BOOKING_DRAFT_KEY = 'msp-console.booking-draft';
