import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { ACI_ELDERLY_AGE } from '../../domain/concertation';
import { DirectoryError, directoryInput } from '../../domain/directory-error';
import type { ServiceActor } from '../actor';
import { PatientAccessLogger } from '../patients/patient-access-logger';
import { checkCalendarDate } from '../patients/patient-fields';
import { type MedecinTraitantPopulation, PatientRepository } from '../ports/patient.repository';
import { StructureRepository } from '../ports/structure.repository';

/** As the calling service sent it (query parameters): checked field by field. */
export interface ConcertationPopulationInput {
  structureId?: unknown;
  asOf?: unknown;
}

export interface ConcertationPopulation {
  structureId: string;
  asOf: string;
  practitioners: MedecinTraitantPopulation[];
}

/**
 * The population coordination checks the ACI concertation rule against (COO-7): per general practitioner of the
 * structure, their médecin-traitant patients and those aged 75 or more on `asOf` or in ALD. Counts and opaque ids only,
 * never a name; one access-log row for the whole read.
 */
@Injectable()
export class ConcertationPopulationQuery {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly structures: StructureRepository,
    private readonly patients: PatientRepository,
    private readonly accessLog: PatientAccessLogger,
  ) {}

  async of(service: ServiceActor, input: ConcertationPopulationInput): Promise<ConcertationPopulation> {
    const structureId = directoryInput.uuid(input.structureId, 'structureId');
    const asOf = checkCalendarDate(input.asOf, 'asOf');
    return this.transactions.run(async () => {
      if (!(await this.structures.exists(structureId))) throw DirectoryError.notFound('Structure', 'structureId');
      const practitioners = await this.patients.concertationPopulation({
        structureId,
        asOf,
        eligibleFromAge: ACI_ELDERLY_AGE,
      });
      await this.accessLog.recordServiceRead(service, structureId, 'concertation-population');
      return { structureId, asOf, practitioners };
    });
  }
}
