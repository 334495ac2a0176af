import { Injectable } from '@nestjs/common';
import { SchedulingError } from '../../domain/scheduling-error';
import { PatientDirectory } from '../ports/patient-directory.port';

/**
 * Staff and the virtual secretary name a patient by id when they book, hold or waitlist; the id must be one of the
 * structure's patients, asked of the directory (where identity lives) before anything is written. Another
 * structure's patient and an unknown id get the same NOT_FOUND on `input.patientId`, so nobody learns that an id
 * exists elsewhere; a directory that cannot answer gives a retryable UNAVAILABLE (DirectoryUnavailableError), never
 * a guess either way.
 */
@Injectable()
export class StructurePatientCheck {
  constructor(private readonly directory: PatientDirectory) {}

  async assertPatientOf(structureId: string, patientId: string): Promise<void> {
    if (await this.directory.isPatientOf(structureId, patientId)) return;
    throw SchedulingError.notFound('Patient', 'input.patientId');
  }
  // The CPTS exception (a patient of one MSP booked into a pooled SNP slot of another) is not an exception here:
  // `BookPooledSnpSlotHandler` checks the patient against the booking MSP, the one whose patient it is.
}
