import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { requireActiveManager } from '@msp/persistence';
import {
  type PatientRegistrationRequest,
  PatientRegistrationRequestRepository,
} from '../../application/ports/patient-registration-request.repository';
import { PatientRegistrationRequestEntity } from '../entities';
import { joinedManager } from './joined-manager';

const toRequest = (e: PatientRegistrationRequestEntity): PatientRegistrationRequest => ({
  id: e.id,
  structureId: e.structureId,
  firstName: e.firstName,
  lastName: e.lastName,
  birthDate: e.birthDate,
  phone: e.phone,
  patientId: e.patientId,
  createdAt: e.createdAt,
});

@Injectable()
export class TypeOrmPatientRegistrationRequestRepository implements PatientRegistrationRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get requests() {
    return joinedManager(this.dataSource).getRepository(PatientRegistrationRequestEntity);
  }

  async insert(request: PatientRegistrationRequest): Promise<void> {
    await this.requests.insert(request);
  }

  async lockById(id: string): Promise<PatientRegistrationRequest | null> {
    const found = await requireActiveManager('Locking a registration request').findOne(
      PatientRegistrationRequestEntity,
      { where: { id }, lock: { mode: 'pessimistic_write' } },
    );
    return found && toRequest(found);
  }

  async markRegistered(id: string, patientId: string): Promise<void> {
    await this.requests.update({ id }, { patientId });
  }

  async deleteUnregistered(id: string): Promise<void> {
    await this.requests.delete({ id, patientId: IsNull() });
  }
}
