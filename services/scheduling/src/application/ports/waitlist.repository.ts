export type WaitlistEntryStatus = 'waiting' | 'offered' | 'booked' | 'withdrawn';

export type WaitlistOfferStatus = 'open' | 'accepted' | 'declined' | 'expired';

export interface WaitlistEntry {
  id: string;
  structureId: string;
  patientId: string;
  motifId: string;
  practitionerId: string | null;
  profession: string | null;
  before: string;
  status: WaitlistEntryStatus;
  createdAt: Date;
}

export interface WaitlistOffer {
  id: string;
  entryId: string;
  holdId: string;
  practitionerId: string;
  siteId: string;
  startsAt: Date;
  endsAt: Date;
  expiresAt: Date;
  status: WaitlistOfferStatus;
  /** When the offer was made. */
  createdAt: Date;
}

/** An offer as it is made: with the SHA-256 of the token its answer links carry, when there are links. */
export type NewWaitlistOffer = Omit<WaitlistOffer, 'status' | 'createdAt'> & { answerTokenHash?: Buffer | null };

/** An offer with the structure of the entry it was made to (who may read it follows from that). */
export interface WaitlistOfferOfStructure extends WaitlistOffer {
  structureId: string;
}

export interface FreedSlotMatch {
  structureId: string;
  practitionerId: string;
  profession: string | null;
  /** Local date of the slot in its site's zone. */
  slotDate: string;
  startsAt: Date;
  excludePatientId: string | null;
}

/** Waiting patients (opaque ids) and the offers of freed slots made to them. */
export abstract class WaitlistRepository {
  abstract insertEntry(entry: Omit<WaitlistEntry, 'status' | 'createdAt'>, createdBy: string): Promise<WaitlistEntry>;

  abstract lockEntry(id: string): Promise<WaitlistEntry | null>;

  abstract setEntryStatus(id: string, status: WaitlistEntryStatus): Promise<void>;

  abstract entries(structureId: string): Promise<WaitlistEntry[]>;

  /**
   * Waiting entries a freed slot suits, first come first served (locked, skipping those another transaction holds):
   * same structure, the practitioner asked for or one of the profession asked for, a slot before their date, not the
   * patient who just freed it, and not already offered this very slot.
   */
  abstract waitingFor(match: FreedSlotMatch, limit: number): Promise<WaitlistEntry[]>;

  abstract insertOffer(offer: NewWaitlistOffer): Promise<void>;

  /** The offer whose answer links carry the token of this SHA-256; null for any other. */
  abstract offerIdByTokenHash(hash: Buffer): Promise<string | null>;

  abstract offer(id: string): Promise<WaitlistOffer | null>;

  abstract lockOffer(id: string): Promise<WaitlistOffer | null>;

  abstract lockOpenOfferByHold(holdId: string): Promise<WaitlistOffer | null>;

  abstract setOfferStatus(id: string, status: WaitlistOfferStatus): Promise<void>;

  abstract openOffers(entryIds: readonly string[]): Promise<WaitlistOffer[]>;

  /** Every offer made to these entries, whatever became of it, newest first. */
  abstract offersOf(entryIds: readonly string[]): Promise<WaitlistOfferOfStructure[]>;
}
