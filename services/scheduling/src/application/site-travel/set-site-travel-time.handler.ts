import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { SchedulingError } from '../../domain/scheduling-error';
import { assertTravelMinutes, type SiteTravel } from '../../domain/site-travel';
import { AgendaRepository } from '../ports/agenda.repository';
import { SiteTravelRepository } from '../ports/site-travel.repository';
import { assertUuid } from '../input-checks';
import { manageableSite } from '../manageable-site';
import { PERMISSIONS } from '../permissions';

export interface SetSiteTravelTimeInput {
  siteId: string;
  otherSiteId: string;
  /** 0 removes the pair: no time is kept between the two sites. */
  minutes: number;
}

/**
 * The travel kept free between two sites of a structure, either way (SCH-11), by its administrators. Appointments
 * already booked stay; new bookings and searches keep the new time.
 */
@Injectable()
export class SetSiteTravelTimeHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly agenda: AgendaRepository,
    private readonly travel: SiteTravelRepository,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: SetSiteTravelTimeInput): Promise<SiteTravel> {
    const siteId = assertUuid(input.siteId, 'input.siteId');
    const otherSiteId = assertUuid(input.otherSiteId, 'input.otherSiteId');
    const minutes = assertTravelMinutes(input.minutes, 'input.minutes');
    const site = await manageableSite(this.agenda, user, siteId, 'input.siteId', PERMISSIONS.manageSites);
    const other = await this.agenda.site(otherSiteId);
    if (!other || other.structureId !== site.structureId) throw SchedulingError.notFound('Site', 'input.otherSiteId');
    if (otherSiteId === siteId) throw SchedulingError.invalid('input.otherSiteId', 'must be another site');
    const travel = { structureId: site.structureId, siteId, otherSiteId, minutes };
    await this.transactions.run(() => this.travel.set(travel, user.memberId, this.clock.now()));
    return travel;
  }
}
