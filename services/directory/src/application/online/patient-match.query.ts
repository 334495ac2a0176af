import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryError } from '../../domain/directory-error';
import { tryE164 } from '../../domain/phone-number';
import { searchText } from '../../domain/search-text';
import { PatientEntity } from '../../infrastructure/entities';
import { checkName } from '../members/member-fields';
import { PatientAccessLogger } from '../patients/patient-access-logger';
import { checkBirthDate } from '../patients/patient-fields';
import { SELF_SERVICE_ACTOR } from './self-service-actor';

export interface PatientMatchInput {
  structureId: string;
  lastName: string;
  birthDate: string;
  phone: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The checked criteria: an accent/case-free last name, a birth date, an E.164 phone; each bad one named. */
export function matchCriteria(input: Partial<PatientMatchInput>): PatientMatchInput {
  if (typeof input.structureId !== 'string' || !UUID.test(input.structureId))
    throw DirectoryError.invalid('structureId', 'must be a structure id (UUID)');
  const lastName = searchText(checkName(String(input.lastName ?? ''), 'lastName'));
  if (!lastName) throw DirectoryError.invalid('lastName', 'must contain letters');
  const birthDate = checkBirthDate(String(input.birthDate ?? ''), 'birthDate');
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
    private readonly accessLog: PatientAccessLogger,
  ) {}

  match(input: Partial<PatientMatchInput>): Promise<string | null> {
    const criteria = matchCriteria(input);
    return this.transactions.run(async (manager) => {
      const found = await findMatches(manager, criteria);
      if (found.length !== 1) return null;
      await this.accessLog.record(
        manager,
        { memberId: SELF_SERVICE_ACTOR, memberships: [] },
        found,
        'online-booking:match',
      );
      return found[0].id;
    });
  }
}

/** search_name is "last first": the last name is its first words. */
export function findMatches(manager: EntityManager, criteria: PatientMatchInput): Promise<PatientEntity[]> {
  return manager
    .createQueryBuilder(PatientEntity, 'p')
    .where('p.structure_id = :structureId and p.birth_date = :birthDate and p.phone = :phone', criteria)
    .andWhere('(p.search_name = :last or p.search_name like :prefix)', {
      last: criteria.lastName,
      prefix: `${criteria.lastName} %`,
    })
    .limit(2)
    .getMany();
}
