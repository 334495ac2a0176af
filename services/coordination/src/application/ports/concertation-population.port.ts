import type { GpPopulation } from '../../domain/aci-concertation';

/**
 * The directory's count of each GP's médecin-traitant patients and those eligible to the ACI's 5 % (aged 75+ or in
 * ALD), as opaque ids (`GET /internal/concertation-population`). Fails with a retryable `unavailable` domain error when
 * the directory is down or slow: the check then shows the meetings and says the share is unavailable.
 */
export abstract class ConcertationPopulation {
  abstract of(structureId: string, asOf: string): Promise<GpPopulation[]>;
}
