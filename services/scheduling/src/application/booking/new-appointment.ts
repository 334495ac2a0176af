import { randomUUID } from 'node:crypto';
import type { Appointment } from '../ports/appointment.repository';
import type { CheckedSlot } from './booking-context.loader';

export type NewAppointmentFields = Pick<
  Appointment,
  'patientId' | 'status' | 'holdExpiresAt' | 'bookedBy' | 'bookedByActor'
>;

/** A booking or a hold taking a checked slot, before the database decides whether the time is still free. */
export function newAppointment(slot: CheckedSlot, fields: NewAppointmentFields): Appointment {
  return {
    id: randomUUID(),
    structureId: slot.structureId,
    siteId: slot.siteId,
    practitionerId: slot.practitionerId,
    motifId: slot.motif.id,
    roomId: slot.roomId,
    startsAt: slot.interval.start,
    endsAt: slot.interval.end,
    cancelledBy: null,
    cancelReason: null,
    cancelledAt: null,
    createdAt: slot.now,
    ...fields,
  };
}
