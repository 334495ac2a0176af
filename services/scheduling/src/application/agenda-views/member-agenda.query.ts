import { Injectable } from '@nestjs/common';
import { hasRoleIn, type UserContext } from '@msp/auth';
import type { AgendaAppointment } from '../../domain/agenda-view';
import { SchedulingError } from '../../domain/scheduling-error';
import { AgendaViewRepository } from '../ports/agenda-view.repository';
import { Clock } from '@msp/service-kit';
import { assertUuid, parseInstant } from '../input-checks';
import { maySeePatient, PERMISSIONS } from '../permissions';

const DAY_MS = 86_400_000;
const MAX_MEMBER_SPAN_DAYS = 62;
const MAX_PATIENT_SPAN_DAYS = 731;
const DEFAULT_PATIENT_SPAN_DAYS = 366;

function window(from: string, to: string, maxDays: number): { start: Date; end: Date } {
  const start = parseInstant(from, 'from');
  const end = parseInstant(to, 'to');
  if (end.getTime() <= start.getTime()) throw SchedulingError.invalid('to', 'must be after from');
  if (end.getTime() - start.getTime() > maxDays * DAY_MS)
    throw SchedulingError.invalid('to', `a window spans at most ${maxDays} days`);
  return { start, end };
}

/** The agenda fields scheduling adds to the directory's Member and Patient (GW-1), scoped by the caller's rights. */
@Injectable()
export class MemberAgendaQuery {
  constructor(
    private readonly views: AgendaViewRepository,
    private readonly clock: Clock,
  ) {}

  /** These members' appointments as practitioners, in the structures the caller belongs to. */
  async ofMembers(
    user: UserContext,
    memberIds: readonly string[],
    from: string,
    to: string,
  ): Promise<AgendaAppointment[]> {
    const range = window(from, to, MAX_MEMBER_SPAN_DAYS);
    const ids = memberIds.map((id) => assertUuid(id, 'id'));
    const structureIds = user.memberships
      .filter((m) => hasRoleIn(user, m.structureId, PERMISSIONS.readAgenda))
      .map((m) => m.structureId);
    if (!structureIds.length) return [];
    return this.views.appointmentsOfPractitioners(ids, structureIds, { ...range, now: this.clock.now() });
  }

  /**
   * These patients' appointments, for booking staff: only those whose patient the caller may see (staff of the site,
   * or the practitioner), so that the list itself reveals nothing more. By default the coming year.
   */
  async ofPatients(
    user: UserContext,
    patientIds: readonly string[],
    from?: string | null,
    to?: string | null,
  ): Promise<AgendaAppointment[]> {
    const now = this.clock.now();
    const start = from ?? now.toISOString();
    const end =
      to ?? new Date(parseInstant(start, 'from').getTime() + DEFAULT_PATIENT_SPAN_DAYS * DAY_MS).toISOString();
    const range = window(start, end, MAX_PATIENT_SPAN_DAYS);
    const ids = patientIds.map((id) => assertUuid(id, 'id'));
    const structureIds = user.memberships
      .filter((m) => hasRoleIn(user, m.structureId, PERMISSIONS.book))
      .map((m) => m.structureId);
    if (!structureIds.length) return [];
    const appointments = await this.views.appointmentsOfPatients(ids, structureIds, { ...range, now });
    return appointments.filter((a) => maySeePatient(user, a));
  }
}
