/** The structure's patients eligible to the ACI concertation criterion, as the directory counts them on a date. */
export interface EligiblePopulation {
  /** Médecin-traitant patients of the structure's GPs aged 75 or more or in ALD: opaque ids. */
  eligiblePatientIds: string[];
  eligibleCount: number;
}

/**
 * The directory's `GET /internal/concertation-population`. Fails with the internal client's timeout or unavailable
 * error when the directory does not answer: the dashboard then shows the criterion without its share and says why.
 */
export abstract class ConcertationPopulation {
  abstract of(structureId: string, asOf: string): Promise<EligiblePopulation>;
}
