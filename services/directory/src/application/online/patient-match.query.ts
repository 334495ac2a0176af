import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryError } from '../../domain/directory-error';
import { tryE164 } from '../../domain/phone-number';
import { searchText } from '../../domain/search-text';
import { checkName } from '../members/member-fields';
import { PatientAccessLogger } from '../patients/patient-access-logger';
import { checkBirthDate } from '../patients/patient-fields';
import { type PatientMatchCriteria, PatientRepository } from '../ports/patient.repository';
import { SELF_SERVICE_ACTOR } from './self-service-actor';

/** As the calling service sent it: checked field by field by `matchCriteria`. */
export type PatientMatchInput = PatientMatchCriteria;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The checked criteria: an accent/case-free last name, a birth date, an E.164 phone; each bad one named. */
export function matchCriteria(input: Partial<PatientMatchInput>, today: Date): PatientMatchCriteria {
  if (typeof input.structureId !== 'string' || !UUID.test(input.structureId))
    throw DirectoryError.invalid('structureId', 'must be a structure id (UUID)');
  const lastName = searchText(checkName(String(input.lastName ?? ''), 'lastName'));
  if (!lastName) throw DirectoryError.invalid('lastName', 'must contain letters');
  const birthDate = checkBirthDate(String(input.birthDate ?? ''), 'birthDate', today);
  const phone = tryE164(String(input.phone ?? ''));
  if (!phone) throw DirectoryError.invalid('phone', 'is not a valid phone number');
  return { structureId: input.structureId.toLowerCase(), lastName, birthDate, phone };
}

/**
 * Online booking (SCH-5): is the person booking a patient of the structure? Exactly one patient with this last name
 * (accents and case ignored), birth date and phone number gives their opaque id; none or several give nothing. The read
 * is access-logged against the matched patient as a self-service operation.
 */
@Injectable()
export class PatientMatchQuery {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly patients: PatientRepository,
    private readonly accessLog: PatientAccessLogger,
  ) {}

  async match(input: Partial<PatientMatchInput>): Promise<string | null> {
    const criteria = matchCriteria(input, this.clock.now());
    return this.transactions.run(async () => {
      const found = await this.patients.match(criteria);
      if (found.length !== 1) return null;
      await this.accessLog.record({ memberId: SELF_SERVICE_ACTOR }, found, 'online-booking:match');
      return found[0].id;
    });
  }
}
