import { Injectable } from '@nestjs/common';
import { addDays, localDateOf, type LocalDate } from '../../domain/local-date';
import type { OpeningRange } from '../../domain/opening-range';
import { appointmentsOutside } from '../../domain/opening-range-change';
import { parseWallTime } from '../../domain/wall-time';
import { atWallTime } from '../../domain/zoned-time';
import { AgendaRepository, type SiteRef } from '../ports/agenda.repository';
import {
  OpeningRangeChangesRepository,
  type AppointmentOutsideRanges,
} from '../ports/opening-range-changes.repository';

const MIDNIGHT = parseWallTime('00:00', 'from');

/**
 * After a range changed (inside the change's transaction, the practitioner's agenda locked, the ranges written), the
 * practitioner's booked and confirmed appointments at its site from the change's first day to the range's last day
 * that no range holds any more for their motif are listed for staff to decide — nothing is moved or cancelled here.
 */
@Injectable()
export class OutsideAppointmentsLister {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly changes: OpeningRangeChangesRepository,
  ) {}

  async list(
    range: OpeningRange,
    site: SiteRef,
    from: LocalDate,
    until: LocalDate | null,
    now: Date,
  ): Promise<AppointmentOutsideRanges[]> {
    const dayStart = atWallTime(from, MIDNIGHT, site.timeZone);
    const start = dayStart > now ? dayStart : now;
    const end = until ? atWallTime(addDays(until, 1), MIDNIGHT, site.timeZone) : null;
    const appointments = await this.changes.liveAppointments(range.practitionerId, range.siteId, start, end);
    if (!appointments.length) return [];
    const ranges = await this.agenda.ranges({
      structureId: range.structureId,
      practitionerIds: [range.practitionerId],
      siteIds: [range.siteId],
      from: localDateOf(appointments[0].start, site.timeZone),
      to: localDateOf(appointments[appointments.length - 1].start, site.timeZone),
    });
    const outside = appointmentsOutside(appointments, ranges, site.timeZone);
    if (!outside.length) return [];
    await this.changes.listOutside(outside, range.id, now);
    return this.changes.outside(
      { structureId: range.structureId, now },
      outside.map((a) => a.id),
    );
  }
}
