import type { UserContext } from '@msp/auth';
import { maySeePatient } from '../../../application/permissions';
import type { AgendaAbsence, AgendaAppointment, AgendaView } from '../../../domain/agenda-view';
import type { AbsenceType } from '../types/absence.type';
import type { AgendaEntryType } from '../types/agenda-entry.type';
import type { AgendaViewType } from '../types/agenda-view.type';

/**
 * What a viewer sees of an appointment in a shared agenda (SCH-7): everyone the time and the motif; the practitioner
 * and booking staff of the site also its status and the patient, as a reference the directory resolves and logs.
 */
export function toAgendaEntry(a: AgendaAppointment, viewer: UserContext): AgendaEntryType {
  const detailsVisible = maySeePatient(viewer, a);
  return {
    id: a.id,
    practitionerId: a.practitionerId,
    siteId: a.siteId,
    motifId: a.motifId,
    motifLabel: a.motifLabel,
    startsAt: a.start,
    endsAt: a.end,
    detailsVisible,
    status: detailsVisible ? a.status : null,
    patient: detailsVisible && a.patientId ? { id: a.patientId } : null,
    bookingStructureId: a.bookingStructureId ?? null,
  };
}

function toAbsence(a: AgendaAbsence): AbsenceType {
  return {
    id: a.id,
    structureId: a.structureId,
    practitionerId: a.practitionerId,
    kind: a.kind,
    startsAt: a.start,
    endsAt: a.end,
  };
}

export function toAgendaViewType(structureId: string, view: AgendaView, viewer: UserContext): AgendaViewType {
  return {
    structureId,
    from: view.span.from,
    to: view.span.to,
    sites: view.windows.map((w) => ({
      siteId: w.siteId,
      site: { id: w.siteId },
      timeZone: w.timeZone,
      startsAt: w.start,
      endsAt: w.end,
    })),
    practitioners: view.practitioners.map((p) => ({
      practitionerId: p.practitionerId,
      practitioner: { id: p.practitionerId },
      profession: p.profession,
      openings: p.openings.map((o) => ({
        rangeId: o.rangeId,
        siteId: o.siteId,
        date: o.date,
        startsAt: o.start,
        endsAt: o.end,
        motifIds: o.motifIds,
        snpShare: o.snpShare,
      })),
      appointments: p.appointments.map((a) => toAgendaEntry(a, viewer)),
      absences: p.absences.map(toAbsence),
      meetingBlocks: p.meetingBlocks.map((b) => ({ startsAt: b.start, endsAt: b.end })),
    })),
  };
}
