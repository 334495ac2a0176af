import type { Profession } from '../../domain/profession';

/** A person working in one or more structures; their place in each is a Membership. */
export interface Member {
  id: string;
  firstName: string;
  lastName: string;
  /** Lower-case. */
  email: string;
  rpps: string | null;
  profession: Profession;
  createdAt: Date;
}

export interface MemberFilter {
  structureIds: readonly string[];
  siteId?: string | null;
  profession?: string | null;
}

/** A current member of one structure, with that structure. */
export interface StructureMember {
  structureId: string;
  member: Member;
}

/** Member writes refuse a duplicate e-mail or RPPS with DIRECTORY.DUPLICATE_EMAIL / DIRECTORY.DUPLICATE_RPPS. */
export abstract class MemberRepository {
  abstract findById(id: string): Promise<Member | null>;
  abstract findByIds(ids: readonly string[]): Promise<Member[]>;
  /** Case-insensitive. */
  abstract findByEmail(email: string): Promise<Member | null>;
  /** `rpps` normalised (11 digits); RPPS numbers are unique among members. */
  abstract findByRpps(rpps: string): Promise<Member | null>;
  /** Current members of the structures (optionally of one site, one profession), by last then first name. */
  abstract currentMembers(filter: MemberFilter): Promise<StructureMember[]>;
  /** Every member's profession, by member id. */
  abstract professions(): Promise<Map<string, Profession>>;
  abstract insert(member: Member): Promise<void>;
  abstract update(member: Member): Promise<void>;
}
