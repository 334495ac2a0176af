import { Injectable } from '@nestjs/common';
import { assertStructureAccess, hasRoleIn, type UserContext } from '@msp/auth';
import { SchedulingError } from '../../domain/scheduling-error';
import { AppointmentRepository, type Appointment } from '../ports/appointment.repository';
import { assertUuid, assertUuids, parseInstant } from '../input-checks';
import { PERMISSIONS } from '../permissions';

export interface AppointmentFilter {
  structureId: string;
  from: string;
  to: string;
  practitionerIds?: string[] | null;
  siteIds?: string[] | null;
}

const MAX_SPAN_MS = 62 * 86_400_000;

/** Appointments and holds, as far as the caller's memberships reach. */
@Injectable()
export class AppointmentsQuery {
  constructor(private readonly appointments: AppointmentRepository) {}

  /** Live appointments and holds overlapping [from, to). */
  inWindow(user: UserContext, filter: AppointmentFilter): Promise<Appointment[]> {
    const structureId = assertUuid(filter.structureId, 'filter.structureId');
    assertStructureAccess(user, structureId, PERMISSIONS.readAgenda);
    const start = parseInstant(filter.from, 'filter.from');
    const end = parseInstant(filter.to, 'filter.to');
    if (end <= start) throw SchedulingError.invalid('filter.to', 'must be after from');
    if (end.getTime() - start.getTime() > MAX_SPAN_MS)
      throw SchedulingError.invalid('filter.to', 'a view spans at most 62 days');
    return this.appointments.liveIn({
      structureId,
      start,
      end,
      practitionerIds: assertUuids(filter.practitionerIds ?? [], 'filter.practitionerIds'),
      siteIds: assertUuids(filter.siteIds ?? [], 'filter.siteIds'),
    });
  }

  /** One appointment; one of another structure is "not found", never "forbidden". */
  async byId(user: UserContext, id: string): Promise<Appointment> {
    const appointment = await this.appointments.findById(assertUuid(id, 'id'));
    if (!appointment || !hasRoleIn(user, appointment.structureId, PERMISSIONS.readAgenda))
      throw SchedulingError.notFound('Appointment', 'id');
    return appointment;
  }
}
