import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { buildAgendaView, type AgendaView } from '../../domain/agenda-view';
import { daySpan, spanWindow, weekSpan, type LocalDateSpan } from '../../domain/agenda-window';
import { SchedulingError } from '../../domain/scheduling-error';
import { AgendaViewRepository } from '../ports/agenda-view.repository';
import { AgendaRepository } from '../ports/agenda.repository';
import { Clock } from '@msp/service-kit';
import { assertUuid } from '../input-checks';
import { PERMISSIONS } from '../permissions';

export interface AgendaViewInput {
  structureId: string;
  /** A local date; the week view takes the Monday-to-Sunday week holding it. */
  date: string;
  siteId?: string | null;
  profession?: string | null;
}

/**
 * The shared day and week views (SCH-7): every practitioner of the structure (or of one site, or one profession) with
 * their opening ranges, appointments, absences and the blocks of the structure's meetings, each site's days running
 * from its own local midnight. Any member of the structure may look; what they see of each appointment is decided when
 * it leaves (busy and motif, or more); of a meeting, only that it is one.
 */
@Injectable()
export class AgendaViewQuery {
  constructor(
    private readonly views: AgendaViewRepository,
    private readonly agenda: AgendaRepository,
    private readonly clock: Clock,
  ) {}

  day(user: UserContext, input: AgendaViewInput): Promise<AgendaView> {
    return this.view(user, input, daySpan(input.date, 'date'));
  }

  week(user: UserContext, input: AgendaViewInput): Promise<AgendaView> {
    return this.view(user, input, weekSpan(input.date, 'date'));
  }

  private async view(user: UserContext, input: AgendaViewInput, span: LocalDateSpan): Promise<AgendaView> {
    const structureId = assertUuid(input.structureId, 'structureId');
    const siteId = input.siteId ? assertUuid(input.siteId, 'siteId') : null;
    assertStructureAccess(user, structureId, PERMISSIONS.readAgenda);
    const allSites = await this.views.structureSites(structureId);
    const sites = siteId ? allSites.filter((site) => site.siteId === siteId) : allSites;
    if (siteId && !sites.length) throw SchedulingError.notFound('Site', 'siteId');
    const siteIds = sites.map((site) => site.siteId);
    const practitioners = siteIds.length
      ? await this.views.practitioners(structureId, siteIds, input.profession?.trim() || null)
      : [];
    const ids = practitioners.map((p) => p.practitionerId);
    if (!ids.length)
      return buildAgendaView({
        span,
        sites,
        practitioners,
        ranges: [],
        appointments: [],
        absences: [],
        meetingBlocks: [],
      });
    const windows = sites.map((site) => spanWindow(span, site.timeZone));
    const start = new Date(Math.min(...windows.map((w) => w.start.getTime())));
    const end = new Date(Math.max(...windows.map((w) => w.end.getTime())));
    const [ranges, appointments, absences, meetingBlocks] = await Promise.all([
      this.agenda.ranges({ structureId, practitionerIds: ids, siteIds, from: span.from, to: span.to }),
      this.views.appointmentsAtSites(structureId, siteIds, { start, end, now: this.clock.now() }),
      this.views.absences(ids, start, end),
      this.views.meetingBlocks(structureId, ids, start, end),
    ]);
    const shown = new Set(ids);
    return buildAgendaView({
      span,
      sites,
      practitioners,
      ranges,
      appointments: appointments.filter((a) => shown.has(a.practitionerId)),
      absences,
      meetingBlocks,
    });
  }
}
