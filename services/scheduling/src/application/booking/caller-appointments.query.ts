import { Injectable } from '@nestjs/common';
import { Clock } from '@msp/service-kit';
import type { AgendaAppointment } from '../../domain/agenda-view';
import { AgendaViewRepository } from '../ports/agenda-view.repository';
import { assertUuid } from '../input-checks';

/** How far ahead a caller's appointments are listed, and how many at most. */
const HORIZON_DAYS = 365;
const MAX_LISTED = 20;

/**
 * A caller's own coming appointments at one structure, for the virtual secretary to read back, move or cancel on the
 * phone: booked or confirmed ones from now on, soonest first. The caller was identified by the directory; another
 * structure's appointments of the same patient are never listed.
 */
@Injectable()
export class CallerAppointmentsQuery {
  constructor(
    private readonly views: AgendaViewRepository,
    private readonly clock: Clock,
  ) {}

  async upcoming(structureId: string, patientId: string): Promise<AgendaAppointment[]> {
    const structure = assertUuid(structureId, 'structureId');
    const patient = assertUuid(patientId, 'patientId');
    const now = this.clock.now();
    const end = new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
    const appointments = await this.views.appointmentsOfPatients([patient], [structure], { start: now, end, now });
    return appointments
      .filter((a) => (a.status === 'booked' || a.status === 'confirmed') && a.start.getTime() >= now.getTime())
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .slice(0, MAX_LISTED);
  }
}
