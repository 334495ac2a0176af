import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireActiveManager } from '@msp/persistence';
import {
  type Patient,
  type PatientMatchCriteria,
  PatientRepository,
  type PatientSearchCriteria,
} from '../../application/ports/patient.repository';
import { searchText } from '../../domain/search-text';
import { PatientEntity } from '../entities';
import { joinedManager } from './joined-manager';

const toPatient = (e: PatientEntity): Patient => ({
  id: e.id,
  structureId: e.structureId,
  firstName: e.firstName,
  lastName: e.lastName,
  birthDate: e.birthDate,
  phone: e.phone,
  email: e.email,
  consentToReminders: e.consentToReminders,
  medecinTraitantId: e.medecinTraitantId,
  passThrough: e.passThrough,
  prefersHuman: e.prefersHuman,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

/** search_name is the accent-free lower-case "last first", so the last name is its first words. */
const withSearchName = (patient: Patient) => ({
  ...patient,
  searchName: searchText(`${patient.lastName} ${patient.firstName}`),
});

@Injectable()
export class TypeOrmPatientRepository implements PatientRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get patients() {
    return joinedManager(this.dataSource).getRepository(PatientEntity);
  }

  async findById(id: string): Promise<Patient | null> {
    const found = await this.patients.findOneBy({ id });
    return found && toPatient(found);
  }

  async lockById(id: string): Promise<Patient | null> {
    const found = await requireActiveManager('Locking a patient').findOne(PatientEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return found && toPatient(found);
  }

  async findByIds(ids: readonly string[]): Promise<Patient[]> {
    if (!ids.length) return [];
    // One array parameter rather than In([...]), which binds one per id: a week view asks for hundreds.
    const found = await this.patients
      .createQueryBuilder('p')
      .where('p.id = any(:ids)', { ids: [...ids] })
      .getMany();
    return found.map(toPatient);
  }

  async search(criteria: PatientSearchCriteria): Promise<Patient[]> {
    const query = this.patients
      .createQueryBuilder('p')
      .where('p.structure_id = :structureId', { structureId: criteria.structureId });
    criteria.words.forEach((word, i) => {
      query.andWhere(`(p.search_name like :w${i} or p.search_name like :mw${i})`, {
        [`w${i}`]: `${word}%`,
        [`mw${i}`]: `% ${word}%`,
      });
    });
    if (criteria.birthDate) query.andWhere('p.birth_date = :birthDate', { birthDate: criteria.birthDate });
    if (criteria.phone) query.andWhere('p.phone = :phone', { phone: criteria.phone });
    const found = await query.orderBy('p.search_name').addOrderBy('p.birth_date').limit(criteria.limit).getMany();
    return found.map(toPatient);
  }

  async match(criteria: PatientMatchCriteria): Promise<Patient[]> {
    const found = await this.patients
      .createQueryBuilder('p')
      .where('p.structure_id = :structureId and p.birth_date = :birthDate and p.phone = :phone', criteria)
      .andWhere('(p.search_name = :last or p.search_name like :prefix)', {
        last: criteria.lastName,
        prefix: `${criteria.lastName} %`,
      })
      .limit(2)
      .getMany();
    return found.map(toPatient);
  }

  async withPhone(structureId: string, phone: string): Promise<Patient[]> {
    return (await this.patients.find({ where: { structureId, phone }, order: { createdAt: 'ASC' } })).map(toPatient);
  }

  async insert(patient: Patient): Promise<void> {
    await this.patients.insert(withSearchName(patient));
  }

  async update(patient: Patient): Promise<void> {
    const { id, createdAt: _createdAt, ...changes } = withSearchName(patient);
    await this.patients.update({ id }, changes);
  }
}
