import { Injectable } from '@nestjs/common';
import { assertStructureAccess, hasRoleIn, type UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryError } from '../../domain/directory-error';
import { tryE164 } from '../../domain/phone-number';
import { searchText } from '../../domain/search-text';
import { PERMISSIONS } from '../permissions';
import { type Patient, PatientRepository } from '../ports/patient.repository';
import { PatientAccessLogger } from './patient-access-logger';
import { checkBirthDate } from './patient-fields';

export interface PatientSearch {
  structureId: string;
  name?: string | null;
  birthDate?: string | null;
  phone?: string | null;
  limit?: number | null;
}

/** Every read of patient identity goes through here, so none escapes the access log. */
@Injectable()
export class PatientReader {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly patients: PatientRepository,
    private readonly accessLog: PatientAccessLogger,
  ) {}

  byId(user: UserContext, patientId: string, operation: string): Promise<Patient> {
    return this.transactions.run(async () => {
      const patient = await this.patients.findById(patientId);
      if (!patient) throw DirectoryError.notFound('Patient', 'id');
      assertStructureAccess(
        user,
        patient.structureId,
        PERMISSIONS.readPatients,
        DirectoryError.notFound('Patient', 'id'),
      );
      await this.accessLog.record(user, [patient], operation);
      return patient;
    });
  }

  /** For federation references: returns only the patients the caller may see, logging those. */
  byIds(user: UserContext, patientIds: readonly string[], operation: string): Promise<Patient[]> {
    return this.transactions.run(async () => {
      const found = await this.patients.findByIds(patientIds);
      const visible = found.filter((p) => hasRoleIn(user, p.structureId, PERMISSIONS.readPatients));
      await this.accessLog.record(user, visible, operation);
      return visible;
    });
  }

  async search(user: UserContext, criteria: PatientSearch): Promise<Patient[]> {
    assertStructureAccess(user, criteria.structureId, PERMISSIONS.searchPatients);
    const name = criteria.name ? searchText(criteria.name) : '';
    const birthDate = criteria.birthDate
      ? checkBirthDate(criteria.birthDate, 'birthDate', this.clock.now())
      : undefined;
    const phone = criteria.phone ? tryE164(criteria.phone) : undefined;
    if (criteria.phone && !phone)
      throw DirectoryError.invalid('phone', `"${criteria.phone}" is not a valid phone number`);
    if (!name && !birthDate && !phone)
      throw DirectoryError.invalid('name', 'give a name (2+ letters), a birth date or a phone number');
    if (criteria.name && name.length < 2) throw DirectoryError.invalid('name', 'needs at least 2 letters');
    const limit = Math.min(Math.max(criteria.limit ?? 20, 1), 50);
    return this.transactions.run(async () => {
      const patients = await this.patients.search({
        structureId: criteria.structureId,
        words: name ? name.split(' ') : [],
        birthDate,
        phone,
        limit,
      });
      await this.accessLog.record(user, patients, 'searchPatients');
      return patients;
    });
  }
}
