import type { AppointmentBookedV1 } from '@msp/contracts';
import type { AppointmentEntity } from '../../infrastructure/entities/appointment.entity';

/** The booked event of an appointment that now has a patient. */
export function bookedEvent(appointment: AppointmentEntity, patientId: string): AppointmentBookedV1 {
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
