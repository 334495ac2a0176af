import { Injectable } from '@nestjs/common';
import { membershipIn, type UserContext } from '@msp/auth';
import { localDateOf } from '../../domain/local-date';
import type { OpeningRange } from '../../domain/opening-range';
import { AgendaViewRepository } from '../ports/agenda-view.repository';
import { AgendaRepository } from '../ports/agenda.repository';
import { Clock } from '@msp/service-kit';
import { assertUuid } from '../input-checks';

/** The opening ranges at a site still valid today or later (its own local date), for members of its structure. */
@Injectable()
export class SiteOpeningRangesQuery {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly views: AgendaViewRepository,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, siteId: string): Promise<OpeningRange[]> {
    // A field of the directory's Site: an unknown or foreign site simply has no ranges to show.
    const id = uuidOrNull(siteId);
    if (!id) return [];
    const site = await this.agenda.site(id);
    if (!site || !membershipIn(user, site.structureId)) return [];
    return this.views.siteRanges(site.siteId, localDateOf(this.clock.now(), site.timeZone));
  }
}

function uuidOrNull(value: string): string | null {
  try {
    return assertUuid(value, 'id');
  } catch {
    return null;
  }
}
