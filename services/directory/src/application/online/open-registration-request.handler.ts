import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryError } from '../../domain/directory-error';
import type { ServiceActor } from '../actor';
import { checkName } from '../members/member-fields';
import { PatientRegistrationRequestRepository } from '../ports/patient-registration-request.repository';
import { StructureRepository } from '../ports/structure.repository';
import { matchCriteria, type PatientMatchInput } from './patient-match.query';

export interface RegistrationRequestInput extends PatientMatchInput {
  firstName: string;
}

/**
 * A new patient booking online (SCH-5): their identity is kept here as a request, never in scheduling, until staff
 * confirm the booking (RegisterFromRequestHandler) or turn it down (DiscardRegistrationRequestHandler).
 */
@Injectable()
export class OpenRegistrationRequestHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly structures: StructureRepository,
    private readonly requests: PatientRegistrationRequestRepository,
  ) {}

  /** Returns the request's id. */
  async execute(_actor: ServiceActor, input: Partial<RegistrationRequestInput>): Promise<string> {
    const now = this.clock.now();
    const criteria = matchCriteria(input, now);
    const firstName = checkName(String(input.firstName ?? ''), 'firstName');
    const lastName = checkName(String(input.lastName), 'lastName');
    return this.transactions.run(async () => {
      if (!(await this.structures.exists(criteria.structureId)))
        throw DirectoryError.invalid('structureId', 'no such structure');
      const id = randomUUID();
      await this.requests.insert({
        id,
        structureId: criteria.structureId,
        firstName,
        lastName,
        birthDate: criteria.birthDate,
        phone: criteria.phone,
        patientId: null,
        createdAt: now,
      });
      return id;
    });
  }
}
