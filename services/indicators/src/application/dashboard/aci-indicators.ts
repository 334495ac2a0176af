import { Injectable, Logger } from '@nestjs/common';
import { InternalTimeoutError, InternalUnavailableError } from '@msp/messaging';
import { Clock } from '@msp/service-kit';
import { DateTime } from 'luxon';
import { COMPUTED_ACI_CODES, aciValues, type AciFacts } from '../../domain/aci-values';
import { catalogueInForce, type IndicatorDefinition } from '../../domain/catalogue-loader';
import type { Period } from '../../domain/period';
import { score } from '../../domain/scoring';
import type { ScoredSettings, ScoredValue } from '../inputs/structure-indicators';
import { IndicatorData } from '../indicator-data';
import { AciFactsRepository } from '../ports/aci-facts.repository';
import { ConcertationPopulation, type EligiblePopulation } from '../ports/concertation-population.port';

const POPULATION_UNAVAILABLE =
  'L’annuaire ne répond pas : la part des patients éligibles revus en concertation est indisponible pour le moment.';

/**
 * The ACI MSP criteria measured from the events, for the structure (never one practitioner's): the pluriprofessional
 * protocols it has, and the share of its eligible patients whose case was reviewed in concertation — the reviews from
 * coordination's events, the population from the directory on the period's last day (today for a period under way).
 */
@Injectable()
export class AciIndicators {
  private readonly logger = new Logger(AciIndicators.name);

  constructor(
    private readonly facts: AciFactsRepository,
    private readonly population: ConcertationPopulation,
    private readonly data: IndicatorData,
    private readonly clock: Clock,
  ) {}

  async scores(
    structureId: string,
    period: Period,
    apply: (indicator: IndicatorDefinition) => ScoredSettings,
  ): Promise<ScoredValue[]> {
    // Before the ACI (2017) there is nothing to measure against.
    if (!this.data.catalogues.some((c) => c.code === 'ACI_MSP' && c.validFrom <= period.start)) return [];
    const catalogue = catalogueInForce(this.data.catalogues, 'ACI_MSP', period.start);
    const eligible = await this.eligible(structureId, period);
    const facts: AciFacts = {
      protocolsInForce: await this.facts.protocolsInForce(structureId, period.start, period.end),
      patientsReviewed: await this.facts.patientsReviewed(structureId, period.start, period.end),
      eligible: eligible && { patientIds: eligible.eligiblePatientIds, count: eligible.eligibleCount },
    };
    const values = aciValues(facts);
    return COMPUTED_ACI_CODES.flatMap((code) => {
      const found = catalogue.indicators.find((i) => i.code === code);
      if (!found) return [];
      const { indicator, settings } = apply(found);
      const scored = score(indicator, values[code], {
        scope: 'structure',
        period: { start: period.start, end: period.end },
      });
      if (code === 'ACI-A2-CONCERTATION' && !eligible) scored.explanation.push(POPULATION_UNAVAILABLE);
      return [
        { indicator, values: values[code], score: scored, provenance: 'computed' as const, record: null, settings },
      ];
    });
  }

  private async eligible(structureId: string, period: Period): Promise<EligiblePopulation | null> {
    // A day either way at the turn of a day overseas changes nobody's age or ALD in a way the share would show.
    const today = DateTime.fromJSDate(this.clock.now(), { zone: 'Europe/Paris' }).toISODate() as string;
    const asOf = period.end < today ? period.end : today;
    try {
      return await this.population.of(structureId, asOf);
    } catch (error) {
      if (!(error instanceof InternalTimeoutError || error instanceof InternalUnavailableError)) throw error;
      this.logger.warn(`Concertation population unavailable: ${error.message}`);
      return null;
    }
  }
}
