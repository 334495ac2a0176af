/** An appointment's life: booked (or held, then confirmed), arrived, in consultation, done; or no-show, or cancelled. */
export const APPOINTMENT_STATUSES = [
  'booked',
  'held',
  'confirmed',
  'arrived',
  'in_consultation',
  'done',
  'no_show',
  'cancelled',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

const NEXT: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  held: ['confirmed', 'cancelled'],
  booked: ['arrived', 'no_show', 'cancelled'],
  confirmed: ['arrived', 'no_show', 'cancelled'],
  arrived: ['in_consultation', 'done', 'cancelled'],
  in_consultation: ['done'],
  done: [],
  no_show: [],
  cancelled: [],
};

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return NEXT[from].includes(to);
}

/** Why an appointment was cancelled; codes, never free text (it could carry medical content). */
export const CANCEL_REASONS = ['patient_request', 'practitioner_absent', 'duplicate', 'rescheduled', 'other'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** Who cancelled it. */
export const CANCELLATION_PARTIES = ['patient', 'practitioner', 'staff', 'virtual_secretary'] as const;
export type CancellationParty = (typeof CANCELLATION_PARTIES)[number];

/** The reason recorded when a hold lapses unconfirmed (the system cancels it). */
export const HOLD_LAPSED = 'hold_lapsed';
