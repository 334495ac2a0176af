import type { AppointmentBookedV1, AppointmentHeldV1 } from '@msp/contracts';
import type { Appointment } from '../ports/appointment.repository';

/** The booked event of an appointment that now has a patient. */
export function bookedEvent(appointment: Appointment, patientId: string): AppointmentBookedV1 {
  return {
    appointmentId: appointment.id,
    structureId: appointment.structureId,
    siteId: appointment.siteId,
    practitionerId: appointment.practitionerId,
    patientId,
    motifId: appointment.motifId,
    startsAt: appointment.startsAt.toISOString(),
    endsAt: appointment.endsAt.toISOString(),
    bookedBy: appointment.bookedBy,
  };
}

/** The held event of a hold; the patient is named only when the caller is already identified. */
export function heldEvent(hold: Appointment): AppointmentHeldV1 {
  return {
    appointmentId: hold.id,
    structureId: hold.structureId,
    siteId: hold.siteId,
    practitionerId: hold.practitionerId,
    motifId: hold.motifId,
    startsAt: hold.startsAt.toISOString(),
    endsAt: hold.endsAt.toISOString(),
    holdExpiresAt: (hold.holdExpiresAt ?? hold.createdAt).toISOString(),
    heldBy: hold.bookedBy,
    ...(hold.patientId ? { patientId: hold.patientId } : {}),
  };
}
