import { Injectable } from '@nestjs/common';
import {
  DirectoryCopyRepository,
  type DirectoryMembership,
  type DirectorySite,
} from '../ports/directory-copy.repository';

/**
 * Keeps what scheduling needs of the directory — each site's structure and time zone, each member's profession, roles
 * and sites — inside the caller's transaction (the inbox's for an event: applied once, replays harmless).
 */
@Injectable()
export class DirectoryProjection {
  constructor(private readonly copy: DirectoryCopyRepository) {}

  upsertSite(site: DirectorySite): Promise<void> {
    return this.copy.upsertSite(site);
  }

  upsertMember(member: DirectoryMembership): Promise<void> {
    return this.copy.upsertMember(member);
  }

  memberLeft(member: { memberId: string; structureId: string; leftAt: string }): Promise<void> {
    return this.copy.memberLeft(member.memberId, member.structureId, member.leftAt);
  }
}
