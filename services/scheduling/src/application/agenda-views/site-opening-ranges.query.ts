import { Injectable } from '@nestjs/common';
import { membershipIn, type UserContext } from '@msp/auth';
import { localDateOf } from '../../domain/local-date';
import type { OpeningRangeEntity } from '../../infrastructure/entities/opening-range.entity';
import { AgendaViewRepository } from '../../infrastructure/repositories/agenda-view.repository';
import { AgendaRepository } from '../../infrastructure/repositories/agenda.repository';
import { Clock } from '../clock';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The opening ranges at a site still valid today or later (its own local date), for members of its structure. */
@Injectable()
export class SiteOpeningRangesQuery {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly views: AgendaViewRepository,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, siteId: string): Promise<OpeningRangeEntity[]> {
    // A field of the directory's Site: an unknown or foreign site simply has no ranges to show.
    if (!UUID.test(siteId)) return [];
    const site = await this.agenda.site(siteId.toLowerCase());
    if (!site || !membershipIn(user, site.structureId)) return [];
    return this.views.siteRanges(site.siteId, localDateOf(this.clock.now(), site.timeZone));
  }
}
