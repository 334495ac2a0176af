import { SchedulingError } from '../../domain/scheduling-error';
import type { Appointment } from '../ports/appointment.repository';

/** What every lifecycle event says of its appointment (opaque ids and times only). */
export interface AppointmentFacts {
  appointmentId: string;
  structureId: string;
  siteId: string;
  practitionerId: string;
  patientId: string;
  motifId: string;
  startsAt: string;
  endsAt: string;
}

export function appointmentFacts(appointment: Appointment): AppointmentFacts {
  // Booked and confirmed appointments always name their patient (appointment_patient_check); a hold never gets here.
  if (!appointment.patientId) throw SchedulingError.invalid('input.appointmentId', 'the appointment names no patient');
  return {
    appointmentId: appointment.id,
    structureId: appointment.structureId,
    siteId: appointment.siteId,
    practitionerId: appointment.practitionerId,
    patientId: appointment.patientId,
    motifId: appointment.motifId,
    startsAt: appointment.startsAt.toISOString(),
    endsAt: appointment.endsAt.toISOString(),
  };
}
