export interface PhoneLine {
  id: string;
  structureId: string;
  siteId: string;
  /** A practitioner's own line; null: the site's line. */
  practitionerId: string | null;
  /** E.164, the number callers dial. */
  number: string;
  /** E.164, where a transfer to this line's owner rings (the practitioner's or the secretary's desk). */
  deskNumber: string;
  label: string;
  createdAt: Date;
}

export abstract class LineRepository {
  /** Throws CALL_ROUTING.LINE_TAKEN when a live line already has this number. */
  abstract create(line: PhoneLine): Promise<PhoneLine>;
  abstract remove(id: string, at: Date): Promise<PhoneLine | null>;
  abstract byId(id: string): Promise<PhoneLine | null>;
  abstract byNumber(number: string): Promise<PhoneLine | null>;
  abstract ofStructure(structureId: string): Promise<PhoneLine[]>;
  /** Whether any line, live or removed, was ever added: demo data is loaded only into an empty service. */
  abstract anyLine(): Promise<boolean>;
  /** Live lines of these practitioners in the structure: where a transfer to each of them rings. */
  abstract ofPractitioners(structureId: string, practitionerIds: readonly string[]): Promise<PhoneLine[]>;
  /** The site's own line (no practitioner), for the secretary's desk. */
  abstract siteLine(siteId: string): Promise<PhoneLine | null>;
}
