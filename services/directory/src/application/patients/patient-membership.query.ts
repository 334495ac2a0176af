import { Injectable } from '@nestjs/common';
import { PatientRepository } from '../ports/patient.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a patient id is one of the structure's patients, for scheduling before it books, holds or waitlists.
 * It answers yes or no about an opaque id and reveals nothing else: another structure's patient and an unknown id get
 * the same "no", so a caller cannot learn that an id exists elsewhere.
 */
@Injectable()
export class PatientMembershipQuery {
  constructor(private readonly patients: PatientRepository) {}

  async belongs(structureId: string, patientId: string): Promise<boolean> {
    if (!UUID.test(structureId) || !UUID.test(patientId)) return false;
    const patient = await this.patients.findById(patientId);
    return patient?.structureId === structureId;
  }
}
