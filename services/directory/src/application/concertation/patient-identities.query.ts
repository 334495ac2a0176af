import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { IDENTITY_EXPORT_PURPOSES, MAX_IDENTITIES_PER_REQUEST } from '../../domain/concertation';
import { DirectoryError, DirectoryErrorCode, directoryInput } from '../../domain/directory-error';
import type { ServiceActor } from '../actor';
import { PERMISSIONS } from '../permissions';
import { MembershipRepository } from '../ports/membership.repository';
import { PatientRepository } from '../ports/patient.repository';
import { PatientAccessLogger } from '../patients/patient-access-logger';

/** As the calling service sent it (JSON body): checked field by field. */
export interface PatientIdentitiesInput {
  readerId?: unknown;
  structureId?: unknown;
  patientIds?: unknown;
  purpose?: unknown;
}

export interface PatientIdentity {
  patientId: string;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
}

/**
 * Names for a document a member asked for with names (coordination's minutes as a PDF): only when that member may read
 * patient identity in the structure today — the rule of the GraphQL patient reads — and only for the structure's
 * patients (other ids are left out, as if unknown). Each identity returned is access-logged against the member, with
 * the purpose as operation, in the reading transaction.
 */
@Injectable()
export class PatientIdentitiesQuery {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly memberships: MembershipRepository,
    private readonly patients: PatientRepository,
    private readonly accessLog: PatientAccessLogger,
  ) {}

  async read(service: ServiceActor, input: PatientIdentitiesInput): Promise<PatientIdentity[]> {
    const readerId = directoryInput.uuid(input.readerId, 'readerId');
    const structureId = directoryInput.uuid(input.structureId, 'structureId');
    const patientIds = [...new Set(directoryInput.uuids(input.patientIds, 'patientIds'))];
    if (!patientIds.length) throw DirectoryError.invalid('patientIds', 'give at least one patient id');
    if (patientIds.length > MAX_IDENTITIES_PER_REQUEST)
      throw DirectoryError.invalid('patientIds', `give at most ${MAX_IDENTITIES_PER_REQUEST} patient ids`);
    const purpose = typeof input.purpose === 'string' ? input.purpose : '';
    if (IDENTITY_EXPORT_PURPOSES[purpose] !== service.service)
      throw DirectoryError.invalid('purpose', `"${purpose.slice(0, 64)}" is not a purpose ${service.service} may give`);

    return this.transactions.run(async () => {
      const membership = await this.memberships.find(readerId, structureId);
      const readRoles: readonly string[] = PERMISSIONS.readPatients;
      if (!membership || membership.leftAt || !membership.roles.some((role) => readRoles.includes(role)))
        throw new DirectoryError(
          DirectoryErrorCode.ReaderNotEntitled,
          'readerId: this member may not read patient identity in this structure ' +
            `(no current role among ${readRoles.join(', ')} there)`,
          'readerId',
        );
      const ofStructure = new Map(
        (await this.patients.findByIds(patientIds)).filter((p) => p.structureId === structureId).map((p) => [p.id, p]),
      );
      const found = patientIds.flatMap((id) => ofStructure.get(id) ?? []);
      await this.accessLog.record({ memberId: readerId }, found, purpose);
      return found.map((p) => ({
        patientId: p.id,
        firstName: p.firstName,
        lastName: p.lastName,
        birthDate: p.birthDate,
      }));
    });
  }
}
