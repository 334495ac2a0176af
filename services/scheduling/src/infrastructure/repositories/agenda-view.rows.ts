import type { AgendaAppointment } from '../../domain/agenda-view';
import type { AppointmentStatus } from '../../domain/appointment-status';

/** An appointment row as the agenda view queries select it. */
export interface AppointmentRow {
  id: string;
  structure_id: string;
  site_id: string;
  practitioner_id: string;
  motif_id: string;
  motif_label: string;
  patient_id: string | null;
  status: AppointmentStatus;
  starts_at: Date;
  ends_at: Date;
  booking_structure_id: string | null;
}

export function toAgendaAppointment(row: AppointmentRow): AgendaAppointment {
  return {
    id: row.id,
    structureId: row.structure_id,
    siteId: row.site_id,
    practitionerId: row.practitioner_id,
    motifId: row.motif_id,
    motifLabel: row.motif_label,
    patientId: row.patient_id,
    status: row.status,
    start: row.starts_at,
    end: row.ends_at,
    bookingStructureId: row.booking_structure_id,
  };
}
