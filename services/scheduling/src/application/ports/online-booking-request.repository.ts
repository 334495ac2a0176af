export type OnlineRequestStatus = 'pending' | 'confirmed' | 'rejected';

/** What the directory said of the typed identity — for staff only, never in the public answer. */
export type OnlineIdentity = 'known_patient' | 'new_patient' | 'unknown_patient';

export interface OnlineBookingRequest {
  id: string;
  structureId: string;
  holdId: string;
  /** The typed identity, kept by the directory until the request is decided or purged. */
  registrationRequestId: string;
  /** `unknown_patient`: no match, for a motif open to known patients only (staff decide). */
  identity: OnlineIdentity;
  /** The matched patient when `identity` is `known_patient`. */
  patientId: string | null;
  status: OnlineRequestStatus;
  createdAt: Date;
}

/** A pending request with its hold's slot, for staff. */
export interface PendingOnlineRequest extends OnlineBookingRequest {
  practitionerId: string;
  siteId: string;
  motifId: string;
  startsAt: Date;
  endsAt: Date;
  holdExpiresAt: Date;
}

export type NewOnlineBookingRequest = Omit<OnlineBookingRequest, 'status' | 'createdAt'>;

/** Online bookings awaiting staff: only ids here, the identity is the directory's. */
export abstract class OnlineBookingRequestRepository {
  abstract insert(request: NewOnlineBookingRequest): Promise<void>;

  abstract lockById(id: string): Promise<OnlineBookingRequest | null>;

  abstract decide(id: string, status: Exclude<OnlineRequestStatus, 'pending'>, by: string, at: Date): Promise<void>;

  /** Pending requests whose hold still keeps the slot. */
  abstract pending(structureId: string, now: Date): Promise<PendingOnlineRequest[]>;

  /**
   * Undecided or turned-down requests created before `cutoff` whose hold no longer keeps a slot at `now`: what the
   * retention purge removes (confirmed ones stay: they are the appointment's origin and hold no identity).
   */
  abstract purgeable(cutoff: Date, now: Date, limit: number): Promise<OnlineBookingRequest[]>;

  abstract delete(id: string): Promise<void>;

  /** Brings a hold's expiry forward to `now`, so that it lapses at once (the caller records the lapse). */
  abstract expireHold(holdId: string, now: Date): Promise<void>;
}
