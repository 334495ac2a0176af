import { Inject, Injectable } from '@nestjs/common';
import { InternalHttpClient } from '@msp/messaging';
import { ConcertationPopulation, type EligiblePopulation } from '../../application/ports/concertation-population.port';

/** Where the directory's internal API is and the key indicators signs its calls with. */
export interface DirectoryClientSettings {
  directoryInternalUrl: string;
  servicePrivateKey: string;
}
export const DIRECTORY_CLIENT_SETTINGS = Symbol('DIRECTORY_CLIENT_SETTINGS');

/** A dashboard waits on the answer: past this, the criterion is shown without its share. */
const TIMEOUT_MS = 2_000;

type PopulationAnswer = Partial<{
  practitioners: Array<Partial<{ eligibleCount: number; eligiblePatientIds: string[] }>>;
}>;

/** The directory's concertation population, called as service "indicators". */
@Injectable()
export class HttpConcertationPopulation extends ConcertationPopulation {
  private readonly client: InternalHttpClient;

  constructor(@Inject(DIRECTORY_CLIENT_SETTINGS) settings: DirectoryClientSettings) {
    super();
    this.client = new InternalHttpClient({
      caller: 'indicators',
      target: 'directory',
      baseUrl: settings.directoryInternalUrl,
      privateKey: settings.servicePrivateKey,
      timeoutMs: TIMEOUT_MS,
    });
  }

  async of(structureId: string, asOf: string): Promise<EligiblePopulation> {
    const query = new URLSearchParams({ structureId, asOf });
    const answer = await this.client.get<PopulationAnswer>(`/internal/concertation-population?${query}`);
    // Only what the port promises, from an answer another service wrote. A patient has one médecin traitant, so the
    // GPs' lists do not overlap; the set guards against a directory that would say otherwise.
    const ids = new Set<string>();
    let count = 0;
    for (const gp of answer.practitioners ?? []) {
      for (const id of gp.eligiblePatientIds ?? []) ids.add(id);
      count += gp.eligibleCount ?? gp.eligiblePatientIds?.length ?? 0;
    }
    return { eligiblePatientIds: [...ids], eligibleCount: Math.max(count, ids.size) };
  }
}
