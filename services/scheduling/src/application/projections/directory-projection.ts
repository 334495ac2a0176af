import { Injectable } from '@nestjs/common';
import {
  DirectoryCopyRepository,
  type DirectoryMembership,
  type DirectorySite,
} from '../ports/directory-copy.repository';

/**
 * Keeps what scheduling needs of the directory — each site's structure and time zone, each member's profession, roles
 * and sites — inside the caller's transaction (the inbox's for an event: applied once, replays harmless). `asOf` is
 * the time of the event the data comes from: an event older than the last one applied to the row changes nothing
 * (see DirectoryCopyRepository); omitted for a snapshot of the directory.
 */
@Injectable()
export class DirectoryProjection {
  constructor(private readonly copy: DirectoryCopyRepository) {}

  upsertSite(site: DirectorySite, asOf?: string): Promise<void> {
    return this.copy.upsertSite(site, asOf);
  }

  upsertMember(member: DirectoryMembership, asOf?: string): Promise<void> {
    return this.copy.upsertMember(member, asOf);
  }

  memberLeft(member: { memberId: string; structureId: string; leftAt: string }, asOf?: string): Promise<void> {
    return this.copy.memberLeft(member.memberId, member.structureId, member.leftAt, asOf);
  }
}
