import type { Role } from '@msp/auth';

/** A member's place in one structure; a member may belong to an MSP and to the CPTS around it. */
export interface Membership {
  memberId: string;
  structureId: string;
  roles: Role[];
  siteIds: string[];
  /** The practitioner who validates a delegate's work, and their backup. */
  referentId: string | null;
  backupReferentId: string | null;
  joinedAt: Date;
  /** Set when the membership ended; the row is kept as history. */
  leftAt: Date | null;
}

export abstract class MembershipRepository {
  /** Current or ended. */
  abstract find(memberId: string, structureId: string): Promise<Membership | null>;
  /** Current or ended, locked for the rest of the transaction. */
  abstract lock(memberId: string, structureId: string): Promise<Membership | null>;
  /** Current memberships of these members in these structures. */
  abstract currentOf(memberIds: readonly string[], structureIds: readonly string[]): Promise<Membership[]>;
  /** Current memberships of a member, in every structure. */
  abstract currentOfMember(memberId: string): Promise<Membership[]>;
  /** Every current membership, by member id. */
  abstract allCurrent(): Promise<Membership[]>;
  /** Current memberships of the structure whose referent or backup referent is this member. */
  abstract countDelegatesOf(structureId: string, memberId: string): Promise<number>;
  /** A member already in the structure refuses with DIRECTORY.ALREADY_MEMBER. */
  abstract insert(membership: Membership): Promise<void>;
  abstract update(membership: Membership): Promise<void>;
}
