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
  /** Every patient's reminder consent, asked with the team so the copy of consents is rebuilt with the rest. */
  reminderConsents?: ReminderConsentSnapshot[];
}

export interface SiteSummary {
  siteId: string;
  name: string;
  address: string;
  /** The site's own numbers (E.164), the first one given to patients to cancel or ask. */
  phoneLines: string[];
}

/** A site as the practice's public booking page names it. */
export interface PracticeSite {
  siteId: string;
  name: string;
  /** "14 rue des Lices, 35160 Montfort-sur-Meu". */
  address: string;
  city: string;
  timeZone: string;
  /** The desk's number (E.164), or null. */
  phone: string | null;
}

/** A professional who takes appointments, as patients know them ("Dr Yann Le Gall"), and where they consult. */
export interface PracticePractitioner {
  memberId: string;
  displayName: string;
  profession: string;
  siteIds: string[];
}

/**
 * A practice's public professional information, read from the directory for the public booking page and never
 * stored here: scheduling keeps ids only.
 */
export interface PracticeProfile {
  structureId: string;
  name: string;
  sites: PracticeSite[];
  practitioners: PracticePractitioner[];
}

/** Why scheduling asks for a patient's contact (the directory gives it for a reminder only with consent). */
export type ContactPurpose = 'reminder' | 'waitlist_offer';

/** Where a patient can be reached, asked of the directory at send time and never stored by scheduling. */
export interface PatientContact {
  /** The practice's name, to sign the message. */
  structureName: string;
  consentToReminders: boolean;
  /** E.164; null when not on file or withheld (no consent to reminders). */
  phone: string | null;
  email: string | null;
}

/** A patient's reminder consent as the directory holds it now. */
export interface ReminderConsentSnapshot {
  patientId: string;
  structureId: string;
  consentToReminders: boolean;
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
  /** Whether the structure is an MSP attached to the CPTS (a CPTS pools its members' SNP slots, SCH-4). */
  abstract isMspOfCpts(structureId: string, cptsId: string): Promise<boolean>;
  /** Registers the patient of a request on behalf of a member; returns the patient id. */
  abstract registerFromRequest(requestId: string, memberId: string): Promise<string>;
  abstract discardRegistrationRequest(requestId: string): Promise<void>;
  /** Site names for calendar feeds; null when unknown. */
  abstract site(siteId: string): Promise<SiteSummary | null>;
  /** The practice's name, sites and practitioners who take appointments; null for a structure that does not exist. */
  abstract practiceProfile(structureId: string): Promise<PracticeProfile | null>;
  /**
   * The whole team and every patient's reminder consent, to rebuild scheduling's copy when its events are not on the
   * broker; null if not offered.
   */
  abstract team(): Promise<TeamSnapshot | null>;
  /**
   * A patient's contact, access-logged by the directory; null for a patient not of the structure (or unknown). For a
   * reminder the directory gives no phone or e-mail without consent.
   */
  abstract patientContact(
    structureId: string,
    patientId: string,
    purpose: ContactPurpose,
  ): Promise<PatientContact | null>;
}
