import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { assertStructureAccess, hasRoleIn, type UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryError } from '../../domain/directory-error';
import { tryE164 } from '../../domain/phone-number';
import { searchText } from '../../domain/search-text';
import { PatientEntity } from '../../infrastructure/entities';
import { PERMISSIONS } from '../permissions';
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
    private readonly accessLog: PatientAccessLogger,
  ) {}

  byId(user: UserContext, patientId: string, operation: string): Promise<PatientEntity> {
    return this.transactions.run(async (manager) => {
      const patient = await manager.findOneBy(PatientEntity, { id: patientId });
      if (!patient) throw DirectoryError.notFound('Patient', 'id');
      assertStructureAccess(
        user,
        patient.structureId,
        PERMISSIONS.readPatients,
        DirectoryError.notFound('Patient', 'id'),
      );
      await this.accessLog.record(manager, user, [patient], operation);
      return patient;
    });
  }

  /** For federation references: returns only the patients the caller may see, logging those. */
  byIds(user: UserContext, patientIds: readonly string[], operation: string): Promise<PatientEntity[]> {
    return this.transactions.run(async (manager) => {
      const found = await manager.findBy(PatientEntity, { id: In([...patientIds]) });
      const visible = found.filter((p) => hasRoleIn(user, p.structureId, PERMISSIONS.readPatients));
      await this.accessLog.record(manager, user, visible, operation);
      return visible;
    });
  }

  search(user: UserContext, criteria: PatientSearch): Promise<PatientEntity[]> {
    assertStructureAccess(user, criteria.structureId, PERMISSIONS.searchPatients);
    const name = criteria.name ? searchText(criteria.name) : '';
    const birthDate = criteria.birthDate ? checkBirthDate(criteria.birthDate, 'birthDate') : undefined;
    const phone = criteria.phone ? tryE164(criteria.phone) : undefined;
    if (criteria.phone && !phone)
      throw DirectoryError.invalid('phone', `"${criteria.phone}" is not a valid phone number`);
    if (!name && !birthDate && !phone)
      throw DirectoryError.invalid('name', 'give a name (2+ letters), a birth date or a phone number');
    if (criteria.name && name.length < 2) throw DirectoryError.invalid('name', 'needs at least 2 letters');
    const limit = Math.min(Math.max(criteria.limit ?? 20, 1), 50);
    return this.transactions.run(async (manager) => {
      const query = manager
        .createQueryBuilder(PatientEntity, 'p')
        .where('p.structure_id = :structureId', { structureId: criteria.structureId });
      // Every word must start a word of "last first": "dup mar" finds "Dupont Marie".
      name.split(' ').forEach((word, i) => {
        query.andWhere(`(p.search_name like :w${i} or p.search_name like :mw${i})`, {
          [`w${i}`]: `${word}%`,
          [`mw${i}`]: `% ${word}%`,
        });
      });
      if (birthDate) query.andWhere('p.birth_date = :birthDate', { birthDate });
      if (phone) query.andWhere('p.phone = :phone', { phone });
      const patients = await query.orderBy('p.search_name').addOrderBy('p.birth_date').limit(limit).getMany();
      await this.accessLog.record(manager, user, patients, 'searchPatients');
      return patients;
    });
  }
}
