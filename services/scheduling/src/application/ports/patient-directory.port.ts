/** Identity as a patient typed it online; it goes to the directory and nowhere else. */
export interface TypedIdentity {
  structureId: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  phone: string;
}

/** Every site and current membership, ids only: the directory's state as its events describe it. */
export interface TeamSnapshot {
  sites: Array<{ siteId: string; structureId: string; timeZone: string }>;
  members: Array<{ memberId: string; structureId: string; profession: string; roles: string[]; siteIds: string[] }>;
}

export interface SiteSummary {
  siteId: string;
  name: string;
  address: string;
}

/** A refusal of the directory about what was typed: the field (as the directory names it) and why. */
export class DirectoryRefusal extends Error {
  constructor(
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'DirectoryRefusal';
  }
}

/**
 * What scheduling asks the directory, synchronously. Every method throws DirectoryUnavailableError when the directory
 * cannot answer, DirectoryRefusal when it refuses the input.
 */
export abstract class PatientDirectory {
  /** The patient's opaque id when exactly one patient of the structure matches; null otherwise. */
  abstract matchPatient(identity: Omit<TypedIdentity, 'firstName'>): Promise<string | null>;
  /** Keeps a new patient's identity in the directory until staff decide; returns the request id. */
  abstract openRegistrationRequest(identity: TypedIdentity): Promise<string>;
  /** Whether the patient id is one of the structure's patients; false for another structure's and an unknown id alike. */
  abstract isPatientOf(structureId: string, patientId: string): Promise<boolean>;
  /** Registers the patient of a request on behalf of a member; returns the patient id. */
  abstract registerFromRequest(requestId: string, memberId: string): Promise<string>;
  abstract discardRegistrationRequest(requestId: string): Promise<void>;
  /** Site names for calendar feeds; null when unknown. */
  abstract site(siteId: string): Promise<SiteSummary | null>;
  /** The whole team, to rebuild scheduling's copy when its events are not on the broker; null if not offered. */
  abstract team(): Promise<TeamSnapshot | null>;
}
