import type { UserContext } from '@msp/auth';
import { maySeePatient } from '../../../application/permissions';
import type { Absence } from '../../../application/ports/absence.repository';
import type { Appointment } from '../../../application/ports/appointment.repository';
import type { FreeSlot } from '../../../domain/free-slot';
import type { Motif } from '../../../domain/motif';
import type { OpeningRange } from '../../../domain/opening-range';
import type { AbsenceType } from '../types/absence.type';
import type { AppointmentType } from '../types/appointment.type';
import type { FreeSlotType } from '../types/free-slot.type';
import type { MotifType } from '../types/motif.type';
import type { OpeningRangeType } from '../types/opening-range.type';

/** What leaves the service over GraphQL, field by field: nothing else of the read models does. */
export function toMotifType(m: Motif): MotifType {
  return {
    id: m.id,
    structureId: m.structureId,
    practitionerId: m.practitionerId,
    label: m.label,
    durationMinutes: m.durationMinutes,
    channel: m.channel,
    bookableBy: m.bookableBy,
    newPatientsAllowed: m.newPatientsAllowed,
    bufferAfterMinutes: m.bufferAfterMinutes,
    minNoticeMinutes: m.minNoticeMinutes,
    maxHorizonDays: m.maxHorizonDays,
    version: m.version ?? 1,
    archivedAt: m.archivedAt ?? null,
  };
}

export function toOpeningRangeType(r: OpeningRange): OpeningRangeType {
  return {
    id: r.id,
    structureId: r.structureId,
    practitionerId: r.practitionerId,
    siteId: r.siteId,
    recurrence: r.recurrence,
    startTime: r.startTime,
    endTime: r.endTime,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    motifIds: r.motifIds,
    snpShare: r.snpShare,
    snpRelease: { daysBefore: r.snpRelease.daysBefore, at: r.snpRelease.at },
    version: r.version ?? 1,
    replaces: r.replaces ?? null,
  };
}

export function toAbsenceType(e: Absence): AbsenceType {
  return {
    id: e.id,
    structureId: e.structureId,
    practitionerId: e.practitionerId,
    kind: e.kind,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
  };
}

export function toFreeSlotType(s: FreeSlot): FreeSlotType {
  return {
    ...s,
    startsAt: new Date(s.startsAt),
    endsAt: new Date(s.endsAt),
    snpReleasesAt: s.snpReleasesAt ? new Date(s.snpReleasesAt) : null,
  };
}

export function toAppointmentType(a: Appointment, viewer?: UserContext): AppointmentType {
  return {
    id: a.id,
    structureId: a.structureId,
    siteId: a.siteId,
    practitionerId: a.practitionerId,
    patientId: !viewer || maySeePatient(viewer, a) ? a.patientId : null,
    motifId: a.motifId,
    roomId: a.roomId,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    status: a.status,
    holdExpiresAt: a.holdExpiresAt,
    bookedBy: a.bookedBy,
    cancelledBy: a.cancelledBy,
    cancelReason: a.cancelReason,
    bookingStructureId: a.bookingStructureId ?? null,
  };
}
