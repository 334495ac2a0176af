/**
 * Identity a patient typed when booking online without being known to the practice. It stays in the directory until
 * staff confirm the booking (the patient is then registered from it) or turn it down (it is deleted).
 */
export interface PatientRegistrationRequest {
  id: string;
  structureId: string;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** E.164. */
  phone: string;
  /** Set once staff registered the patient from this request. */
  patientId: string | null;
  createdAt: Date;
}

export abstract class PatientRegistrationRequestRepository {
  abstract insert(request: PatientRegistrationRequest): Promise<void>;
  /** Locks the request for the rest of the transaction. */
  abstract lockById(id: string): Promise<PatientRegistrationRequest | null>;
  abstract markRegistered(id: string, patientId: string): Promise<void>;
  /** Deletes the request unless a patient was registered from it. */
  abstract deleteUnregistered(id: string): Promise<void>;
}
