import { Inject, Injectable } from '@nestjs/common';
import type { InternalHttpClient } from '@msp/messaging';
import type { GpPopulation } from '../../domain/aci-concertation';
import { INTERNAL_CLIENT_SETTINGS, type InternalClientSettings } from '../../application/internal-client-settings';
import { coordinationClient } from './coordination-client';
import { ConcertationPopulation } from '../../application/ports/concertation-population.port';

/** A coordinator waits on the answer: past this, the check shows the meetings and says the share is unavailable. */
const TIMEOUT_MS = 2_000;

type PopulationAnswer = Partial<{
  practitioners: Array<
    Partial<{ memberId: string; patientCount: number; eligibleCount: number; eligiblePatientIds: string[] }>
  >;
}>;

/** The directory's `GET /internal/concertation-population`, called as service "coordination". */
@Injectable()
export class HttpConcertationPopulation extends ConcertationPopulation {
  private readonly client: InternalHttpClient;

  constructor(@Inject(INTERNAL_CLIENT_SETTINGS) settings: InternalClientSettings) {
    super();
    this.client = coordinationClient(settings, 'directory', TIMEOUT_MS);
  }

  async of(structureId: string, asOf: string): Promise<GpPopulation[]> {
    const query = new URLSearchParams({ structureId, asOf });
    const answer = await this.client.get<PopulationAnswer>(`/internal/concertation-population?${query}`);
    // Only what the port promises, from an answer another service wrote.
    return (answer.practitioners ?? []).flatMap((p) =>
      p.memberId
        ? [
            {
              memberId: p.memberId,
              patientCount: p.patientCount ?? 0,
              eligibleCount: p.eligibleCount ?? p.eligiblePatientIds?.length ?? 0,
              eligiblePatientIds: p.eligiblePatientIds ?? [],
            },
          ]
        : [],
    );
  }
}
