import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { Clock } from '@msp/service-kit';
import { indicatorAlert, type IndicatorAlert } from '../../domain/alerts';
import { localDateOf, parsePeriod } from '../../domain/period';
import { IndicatorsQuery } from './indicators.query';

/** "Today" is the day where the practice is; the facts of a site whose zone is unknown are read in Paris time too. */
const STRUCTURE_ZONE = 'Europe/Paris';

export interface StructureAlert extends IndicatorAlert {
  label: string;
}

/**
 * The structure's (or one practitioner's) indicators falling behind their next objective in a period, each with the
 * French sentence of `indicatorAlert` and the days left: every indicator `indicatorScores` gives — computed from the
 * events, imported from the insurer's statement or declared — scored with the objectives the structure set. One whose
 * objectives are still "à compléter" has no alert, and a period that is over has none (nothing can be caught up).
 */
@Injectable()
export class IndicatorAlertsQuery {
  constructor(
    private readonly indicators: IndicatorsQuery,
    private readonly clock: Clock,
  ) {}

  async alerts(
    user: UserContext,
    structureId: string,
    periodCode: string,
    practitionerId: string | null = null,
  ): Promise<StructureAlert[]> {
    const figures = await this.indicators.activity(user, structureId, periodCode, practitionerId);
    const period = parsePeriod(periodCode, 'period');
    const localToday = localDateOf(this.clock.now(), STRUCTURE_ZONE);
    // A period not begun yet has all its days left.
    const today = localToday < period.start ? period.start : localToday;
    return figures.scores.flatMap(({ indicator, values, score }) => {
      const alert = indicatorAlert(indicator, score, values, { today, periodEnd: period.end });
      return alert ? [{ ...alert, label: indicator.label }] : [];
    });
  }
}
