export type OnlineRequestStatus = 'pending' | 'confirmed' | 'rejected';

export interface OnlineBookingRequest {
  id: string;
  structureId: string;
  holdId: string;
  registrationRequestId: string;
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

/** New patients' online bookings awaiting staff: only ids here, the identity is the directory's. */
export abstract class OnlineBookingRequestRepository {
  abstract insert(
    request: Pick<OnlineBookingRequest, 'id' | 'structureId' | 'holdId' | 'registrationRequestId'>,
  ): Promise<void>;

  abstract lockById(id: string): Promise<OnlineBookingRequest | null>;

  abstract decide(id: string, status: Exclude<OnlineRequestStatus, 'pending'>, by: string, at: Date): Promise<void>;

  /** Pending requests whose hold still keeps the slot. */
  abstract pending(structureId: string, now: Date): Promise<PendingOnlineRequest[]>;

  /** Brings a hold's expiry forward to `now`, so that it lapses at once (the caller records the lapse). */
  abstract expireHold(holdId: string, now: Date): Promise<void>;
}
