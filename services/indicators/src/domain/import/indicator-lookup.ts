import type { Catalogue, IndicatorDefinition } from '../catalogue-loader';
import type { ImportPeriod } from './import-period';

/**
 * Finds an indicator of the catalogue in force for a period, or `null`. The import takes it as a parameter so the
 * validation stays independent of where catalogues come from (files, a structure's settings applied or not).
 */
export type IndicatorLookup = (code: string, period: ImportPeriod) => IndicatorDefinition | null;

/**
 * The lookup over loaded catalogues: the indicator of a catalogue version whose validity covers the whole period. A
 * period that straddles two versions matches neither: its figures were computed under two rule sets and must be
 * imported per period of each. Codes are unique across catalogues; where two versions of one catalogue overlap, the
 * latest start wins, as in `catalogueInForce`.
 */
export function indicatorsInForce(catalogues: readonly Catalogue[]): IndicatorLookup {
  return (code, period) => {
    const covering = catalogues.filter(
      (c) => c.validFrom <= period.start && (c.validTo === null || period.end <= c.validTo),
    );
    const latestFirst = [...covering].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
    for (const catalogue of latestFirst) {
      const indicator = catalogue.indicators.find((i) => i.code === code);
      if (indicator) return indicator;
    }
    return null;
  };
}
