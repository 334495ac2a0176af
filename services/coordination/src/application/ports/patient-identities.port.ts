export interface PatientIdentity {
  patientId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
}

/**
 * Patients' identities for a reader the directory finds entitled (`POST /internal/patient-identities`, purpose
 * `coordination_minutes`); the directory logs each read. A reader it refuses is a `forbidden` domain error.
 */
export abstract class PatientIdentities {
  abstract read(readerId: string, structureId: string, patientIds: readonly string[]): Promise<PatientIdentity[]>;
}
