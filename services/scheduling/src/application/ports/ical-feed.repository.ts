export interface IcalFeed {
  id: string;
  practitionerId: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** One busy entry of a feed: what the calendar shows (never a patient). */
export interface FeedEntry {
  appointmentId: string;
  siteId: string;
  motifLabel: string;
  startsAt: Date;
  endsAt: Date;
  held: boolean;
}

/** Calendar feeds by the hash of their secret token (the token itself is shown once and never stored). */
export abstract class IcalFeedRepository {
  abstract create(id: string, practitionerId: string, tokenHash: string): Promise<IcalFeed>;

  abstract revoke(id: string, practitionerId: string, at: Date): Promise<IcalFeed | null>;

  /** Revokes every live feed of the practitioner; returns the ones revoked now (none when run again). */
  abstract revokeAllOf(practitionerId: string, at: Date): Promise<IcalFeed[]>;

  abstract byId(id: string): Promise<IcalFeed | null>;

  /** The structures the member currently belongs to, in scheduling's copy of the directory. */
  abstract structuresOf(memberId: string): Promise<string[]>;

  abstract list(practitionerId: string): Promise<IcalFeed[]>;

  abstract activeByHash(tokenHash: string): Promise<IcalFeed | null>;

  /** The practitioner's live appointments and unexpired holds over [from, to), with their motif's label. */
  abstract entries(practitionerId: string, from: Date, to: Date, now: Date): Promise<FeedEntry[]>;
}
