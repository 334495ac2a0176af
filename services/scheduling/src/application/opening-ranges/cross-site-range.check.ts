import { Injectable } from '@nestjs/common';
import type { OpeningRange } from '../../domain/opening-range';
import { assertNoCrossSiteOverlap } from '../../domain/range-overlap';
import { AgendaRepository } from '../ports/agenda.repository';
import { SiteTravelRepository } from '../ports/site-travel.repository';

/**
 * A practitioner's ranges at two sites never overlap (SCH-11): checked inside the transaction that writes the range,
 * under the practitioner's agenda lock, so two ranges defined at once at two sites cannot both pass. For any handler
 * that writes a range (defining one; editing one).
 */
@Injectable()
export class CrossSiteRangeCheck {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly travel: SiteTravelRepository,
  ) {}

  async assertNoOverlap(range: OpeningRange, timeZone: string, prefix = 'input'): Promise<void> {
    await this.agenda.lockPractitionerAgenda(range.practitionerId);
    const elsewhere = await this.travel.rangesElsewhere(range.practitionerId, range.siteId);
    assertNoCrossSiteOverlap({ range, timeZone }, elsewhere, prefix);
  }
}
