/** The last value announced for one indicator, structure (practitionerId null) or practitioner, and month. */
export interface AnnouncedValue {
  structureId: string;
  practitionerId: string | null;
  indicatorCode: string;
  period: string;
  level: number | null;
  numerator: number;
  denominator: number | null;
}

/** What indicators last published, so that a recomputation that changes nothing publishes nothing. */
export abstract class IndicatorValuesRepository {
  abstract announced(
    structureId: string,
    practitionerId: string | null,
    period: string,
  ): Promise<Map<string, AnnouncedValue>>;
  abstract save(value: AnnouncedValue, at: Date): Promise<void>;
  /** The months (`YYYY-MM`) from `from` to `to` for which some value of the structure was announced. */
  abstract announcedMonths(structureId: string, from: string, to: string): Promise<string[]>;
}
