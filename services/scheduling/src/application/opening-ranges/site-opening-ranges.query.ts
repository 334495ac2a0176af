import { Injectable } from '@nestjs/common';
import { membershipIn, type UserContext } from '@msp/auth';
import { localDateOf } from '../../domain/local-date';
import type { OpeningRange } from '../../domain/opening-range';
import { AgendaViewRepository } from '../ports/agenda-view.repository';
import { AgendaRepository } from '../ports/agenda.repository';
import { Clock } from '@msp/service-kit';
import { assertUuid } from '../input-checks';

/** The opening ranges at each site still valid today or later (its own local date), for members of its structure. */
@Injectable()
export class SiteOpeningRangesQuery {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly views: AgendaViewRepository,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, siteIds: readonly string[]): Promise<OpeningRange[]> {
    // A field of the directory's Site: an unknown or foreign site simply has no ranges to show.
    const ids = siteIds.flatMap((id) => uuidOrNull(id) ?? []);
    const sites = (await this.agenda.sites(ids)).filter((site) => membershipIn(user, site.structureId));
    const now = this.clock.now();
    return this.views.siteRanges(sites.map((site) => ({ siteId: site.siteId, from: localDateOf(now, site.timeZone) })));
  }
}

function uuidOrNull(value: string): string | null {
  try {
    return assertUuid(value, 'id');
  } catch {
    return null;
  }
}
