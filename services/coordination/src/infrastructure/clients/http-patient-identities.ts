import { Inject, Injectable } from '@nestjs/common';
import type { InternalHttpClient } from '@msp/messaging';
import { INTERNAL_CLIENT_SETTINGS, type InternalClientSettings } from '../../application/internal-client-settings';
import { coordinationClient } from './coordination-client';
import { PatientIdentities, type PatientIdentity } from '../../application/ports/patient-identities.port';

const TIMEOUT_MS = 2_000;

type IdentitiesAnswer = Partial<{
  patients: Array<Partial<PatientIdentity>>;
}>;

/**
 * The directory's `POST /internal/patient-identities` for the minutes' export: the directory checks the reader's
 * entitlement (403, the client's `forbidden` error) and logs the read.
 */
@Injectable()
export class HttpPatientIdentities extends PatientIdentities {
  private readonly client: InternalHttpClient;

  constructor(@Inject(INTERNAL_CLIENT_SETTINGS) settings: InternalClientSettings) {
    super();
    this.client = coordinationClient(settings, 'directory', TIMEOUT_MS);
  }

  async read(readerId: string, structureId: string, patientIds: readonly string[]): Promise<PatientIdentity[]> {
    const answer = await this.client.post<IdentitiesAnswer>('/internal/patient-identities', {
      readerId,
      structureId,
      patientIds,
      purpose: 'coordination_minutes',
    });
    return (answer.patients ?? []).flatMap(({ patientId, firstName, lastName, birthDate }) =>
      patientId && patientIds.includes(patientId)
        ? [{ patientId, firstName: firstName ?? '', lastName: lastName ?? '', birthDate: birthDate ?? '' }]
        : [],
    );
  }
}
