import { Injectable } from '@nestjs/common';
import { assertStructureAccess, structureIdsOf, type UserContext } from '@msp/auth';
import { DirectoryError } from '../../domain/directory-error';
import { PERMISSIONS } from '../permissions';
import { type Member, type MemberFilter, MemberRepository } from '../ports/member.repository';
import { type Membership, MembershipRepository } from '../ports/membership.repository';
import { type Site, SiteRepository } from '../ports/site.repository';
import { type Structure, StructureRepository } from '../ports/structure.repository';

/** Structures, sites and members, as far as the caller's memberships reach. */
@Injectable()
export class DirectoryReader {
  constructor(
    private readonly structures: StructureRepository,
    private readonly sites: SiteRepository,
    private readonly memberRepository: MemberRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  async myStructures(user: UserContext): Promise<Structure[]> {
    return this.structures.findByIds(structureIdsOf(user));
  }

  async structure(user: UserContext, id: string): Promise<Structure> {
    assertStructureAccess(user, id, PERMISSIONS.readDirectory, DirectoryError.notFound('Structure', 'id'));
    const structure = await this.structures.findById(id);
    if (!structure) throw DirectoryError.notFound('Structure', 'id');
    return structure;
  }

  /** The CPTS or MSP a structure is linked to is named even to non-members: it is public, its content is not. */
  linkedStructure(id: string): Promise<Structure | null> {
    return this.structures.findById(id);
  }

  async sitesOf(user: UserContext, structureId: string): Promise<Site[]> {
    assertStructureAccess(user, structureId, PERMISSIONS.readDirectory);
    return this.sites.ofStructure(structureId);
  }

  async site(user: UserContext, id: string): Promise<Site> {
    const site = await this.sites.findById(id);
    if (!site) throw DirectoryError.notFound('Site', 'id');
    assertStructureAccess(user, site.structureId, PERMISSIONS.readDirectory, DirectoryError.notFound('Site', 'id'));
    return site;
  }

  async members(user: UserContext, filter: MemberFilter): Promise<Member[]> {
    assertStructureAccess(user, filter.structureId, PERMISSIONS.readDirectory);
    return this.memberRepository.currentMembers(filter);
  }

  /** A member is visible to whoever shares a current structure with them. */
  async member(user: UserContext, id: string): Promise<Member> {
    const visible = await this.visibleMembers(user, [id]);
    if (!visible.length) throw DirectoryError.notFound('Member', 'id');
    return visible[0];
  }

  async visibleMembers(user: UserContext, ids: readonly string[]): Promise<Member[]> {
    const shared = await this.memberships.currentOf(ids, structureIdsOf(user));
    return this.memberRepository.findByIds([...new Set(shared.map((m) => m.memberId))]);
  }

  /** Memberships of a member, limited to the structures the caller shares with them. */
  membershipsOf(user: UserContext, memberId: string): Promise<Membership[]> {
    return this.memberships.currentOf([memberId], structureIdsOf(user));
  }

  sitesByIds(ids: readonly string[]): Promise<Site[]> {
    return this.sites.findByIds(ids);
  }
}
