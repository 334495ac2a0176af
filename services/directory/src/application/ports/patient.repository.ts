/** The only place patient identity lives on the platform (ADR 0006). */
export interface Patient {
  id: string;
  structureId: string;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** E.164. */
  phone: string | null;
  email: string | null;
  consentToReminders: boolean;
  medecinTraitantId: string | null;
  /** INS matricule (15 characters) when known; imports bring it. */
  ins?: string | null;
  /** Calls from this patient go straight through to the practitioner. */
  passThrough: boolean;
  prefersHuman: boolean;
  /** Affection de longue durée: health data, changed only through `setAld`, never put in an event. */
  inAld: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface PatientSearchCriteria {
  structureId: string;
  /** Accent/case-free words, each of which must start a word of "last first": "dup mar" finds "Dupont Marie". */
  words: string[];
  birthDate?: string;
  phone?: string;
  limit: number;
}

export interface PatientMatchCriteria {
  structureId: string;
  /** Accent/case-free; "Le Gall" matches "le gall", not "le gallo". */
  lastName: string;
  birthDate: string;
  phone: string;
}

/** Who set or cleared a patient's ALD flag, and when. */
export interface AldChange {
  patientId: string;
  inAld: boolean;
  changedBy: string;
  changedAt: Date;
}

/** A patient's reminder consent, by opaque id: what scheduling's copy of consents is rebuilt from. */
export interface ReminderConsent {
  patientId: string;
  structureId: string;
  consentToReminders: boolean;
}

export interface ConcertationPopulationCriteria {
  structureId: string;
  /** YYYY-MM-DD: ages are counted on this day. */
  asOf: string;
  /** Patients at least this old on `asOf` are eligible, as are patients in ALD. */
  eligibleFromAge: number;
}

/** One general practitioner's médecin-traitant patients, as counts and opaque ids. */
export interface MedecinTraitantPopulation {
  memberId: string;
  patientCount: number;
  /** Sorted. */
  eligiblePatientIds: string[];
}

/** Reads here return identity: callers log them to the patient access log in the same transaction. */
export abstract class PatientRepository {
  abstract findById(id: string): Promise<Patient | null>;
  /** Locks the patient for the rest of the transaction. */
  abstract lockById(id: string): Promise<Patient | null>;
  abstract findByIds(ids: readonly string[]): Promise<Patient[]>;
  /** Ordered by name then birth date. */
  abstract search(criteria: PatientSearchCriteria): Promise<Patient[]>;
  /** At most two: enough to tell "exactly one" from "several". */
  abstract match(criteria: PatientMatchCriteria): Promise<Patient[]>;
  /** Patients of the structure with this E.164 number, oldest first. */
  abstract withPhone(structureId: string, phone: string): Promise<Patient[]>;
  /**
   * For each current general practitioner of the structure who is médecin traitant of at least one of its patients:
   * their patients and the eligible ones (old enough on the day, or in ALD). Ids only, ordered by member id.
   */
  abstract concertationPopulation(criteria: ConcertationPopulationCriteria): Promise<MedecinTraitantPopulation[]>;
  /**
   * Patients of the structure that an import line would duplicate: the same INS, or the same last and first names
   * (without case or accents) and birth date. Identity is returned: the caller logs what it shows.
   */
  abstract duplicatesOf(
    structureId: string,
    candidates: ReadonlyArray<{ lastName: string; firstName: string; birthDate: string; ins: string | null }>,
  ): Promise<Patient[]>;
  /** Every patient's reminder consent, ids only, ordered by patient id. */
  abstract reminderConsents(): Promise<ReminderConsent[]>;
  abstract insert(patient: Patient): Promise<void>;
  /** Every field but the ALD flag, which only `setAld` changes. */
  abstract update(patient: Patient): Promise<void>;
  abstract setAld(change: AldChange): Promise<void>;
}
