export interface CaseReviewFact {
  caseId: string;
  meetingId: string;
  structureId: string;
  /** Opaque; the identity stays in the directory. */
  patientId: string;
  pluriprofessional: boolean;
  reviewedAt: Date;
}

/** The facts behind the ACI criteria computed from the events: cases reviewed, protocols in force. */
export abstract class AciFactsRepository {
  /** Order-safe: the latest review of a case (by its instant) is kept. */
  abstract upsertCaseReview(fact: CaseReviewFact): Promise<void>;

  abstract upsertProtocolRetirement(protocolId: string, structureId: string, at: Date): Promise<void>;

  /**
   * Pluriprofessional protocols the structure has over the dates (YYYY-MM-DD, inclusive, in its zone): adopted by
   * `to` (by delegation or named by a meeting's decision), not retired before `from`.
   */
  abstract protocolsInForce(structureId: string, from: string, to: string): Promise<number>;

  /** Distinct patients whose case was reviewed in a meeting meeting the pluriprofessional rule, over the dates. */
  abstract patientsReviewed(structureId: string, from: string, to: string): Promise<string[]>;
}
