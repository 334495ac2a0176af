import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { requireActiveManager } from '@msp/persistence';
import {
  type AldChange,
  type ConcertationPopulationCriteria,
  type MedecinTraitantPopulation,
  type Patient,
  type PatientMatchCriteria,
  PatientRepository,
  type PatientSearchCriteria,
  type ReminderConsent,
} from '../../application/ports/patient.repository';
import { searchText } from '../../domain/search-text';
import { PatientEntity } from '../entities';
import { joinedManager } from './joined-manager';
import { rethrowUniqueViolation } from './unique-violation';

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
  inAld: e.inAld,
  ins: e.ins,
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

  async reminderConsents(): Promise<ReminderConsent[]> {
    return joinedManager(this.dataSource).query(
      `select id::text as "patientId", structure_id::text as "structureId", consent_to_reminders as "consentToReminders"
         from patient order by id`,
    );
  }

  async concertationPopulation(criteria: ConcertationPopulationCriteria): Promise<MedecinTraitantPopulation[]> {
    // Old enough when born on or before `asOf - 75 years` (calendar years, not days): someone born on a 29 February
    // turns 75 on 1 March, 75 years after a leap year being a common year. `birth_date + 75 years` would not do: it
    // clamps 29 February to the 28th and makes them 75 a day early.
    return joinedManager(this.dataSource).query(
      `select m.id::text as "memberId",
              count(*)::int as "patientCount",
              coalesce(
                array_agg(p.id::text order by p.id)
                  filter (where p.in_ald or p.birth_date <= ($2::date - make_interval(years => $3))::date),
                '{}'
              ) as "eligiblePatientIds"
         from membership ms
         join member m on m.id = ms.member_id and m.profession = 'general_practitioner'
         join patient p on p.medecin_traitant_id = m.id and p.structure_id = ms.structure_id
        where ms.structure_id = $1 and ms.left_at is null
        group by m.id
        order by m.id`,
      [criteria.structureId, criteria.asOf, criteria.eligibleFromAge],
    );
  }

  async duplicatesOf(
    structureId: string,
    candidates: ReadonlyArray<{ lastName: string; firstName: string; birthDate: string; ins: string | null }>,
  ): Promise<Patient[]> {
    if (!candidates.length) return [];
    const ids: Array<{ id: string }> = await joinedManager(this.dataSource).query(
      `select id from patient
        where structure_id = $1
          and ((search_name, birth_date) in (select * from unnest($2::text[], $3::date[])) or ins = any($4::text[]))`,
      [
        structureId,
        candidates.map((c) => searchText(`${c.lastName} ${c.firstName}`)),
        candidates.map((c) => c.birthDate),
        candidates.flatMap((c) => (c.ins ? [c.ins] : [])),
      ],
    );
    const rows = ids.length ? await this.patients.findBy({ id: In(ids.map((r) => r.id)) }) : [];
    return rows.map(toPatient);
  }

  async insert(patient: Patient): Promise<void> {
    await this.patients.insert(withSearchName(patient)).catch(rethrowUniqueViolation);
  }

  async update(patient: Patient): Promise<void> {
    const { id, createdAt: _createdAt, inAld: _inAld, ...changes } = withSearchName(patient);
    await this.patients.update({ id }, changes);
  }

  async setAld(change: AldChange): Promise<void> {
    // A statement of its own rather than the ORM's update, which would stamp updated_at as if the identity had changed.
    await requireActiveManager('Setting the ALD flag').query(
      `update patient set in_ald = $2, ald_changed_by = $3, ald_changed_at = $4 where id = $1`,
      [change.patientId, change.inAld, change.changedBy, change.changedAt],
    );
  }
}
