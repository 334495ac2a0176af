import { Injectable } from '@nestjs/common';
import { assertStructureAccess, membershipIn, structureIdsOf, type UserContext } from '@msp/auth';
import { DirectoryError } from '../../domain/directory-error';
import { PERMISSIONS } from '../permissions';
import { type Member, type MemberFilter, MemberRepository, type StructureMember } from '../ports/member.repository';
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

  /** The structures among `ids` the caller belongs to; the others are left out, as if they did not exist. */
  readableStructures(user: UserContext, ids: readonly string[]): Promise<Structure[]> {
    return this.structures.findByIds(ids.filter((id) => membershipIn(user, id)));
  }

  /** The CPTS or MSP a structure is linked to is named even to non-members: it is public, its content is not. */
  linkedStructures(ids: readonly string[]): Promise<Structure[]> {
    return this.structures.findByIds(ids);
  }

  /**
   * Refuses a structure the caller does not belong to, as one that does not exist. Field resolvers check each parent
   * with it before batching, so that one foreign parent (a linked CPTS) fails alone, not the whole batch.
   */
  /** A CPTS's member MSPs (issue 14), for the CPTS's members; none for an MSP. */
  async cptsMsps(user: UserContext, cptsId: string): Promise<Structure[]> {
    this.assertReadable(user, cptsId);
    return this.structures.mspsOf(cptsId);
  }

  assertReadable(user: UserContext, structureId: string): void {
    assertStructureAccess(user, structureId, PERMISSIONS.readDirectory);
  }

  /** The sites of each structure, by name. */
  async sitesOf(user: UserContext, structureIds: readonly string[]): Promise<Site[]> {
    for (const id of structureIds) this.assertReadable(user, id);
    return this.sites.ofStructures(structureIds);
  }

  async site(user: UserContext, id: string): Promise<Site> {
    const site = await this.sites.findById(id);
    if (!site) throw DirectoryError.notFound('Site', 'id');
    assertStructureAccess(user, site.structureId, PERMISSIONS.readDirectory, DirectoryError.notFound('Site', 'id'));
    return site;
  }

  /** The sites among `ids` of structures the caller belongs to; the others are left out. */
  async readableSites(user: UserContext, ids: readonly string[]): Promise<Site[]> {
    return (await this.sites.findByIds(ids)).filter((site) => membershipIn(user, site.structureId));
  }

  /** Current members of each structure (optionally of one site, one profession), by last then first name. */
  async members(user: UserContext, filter: MemberFilter): Promise<StructureMember[]> {
    for (const id of filter.structureIds) this.assertReadable(user, id);
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

  /** Memberships of these members, limited to the structures the caller shares with them. */
  membershipsOf(user: UserContext, memberIds: readonly string[]): Promise<Membership[]> {
    return this.memberships.currentOf(memberIds, structureIdsOf(user));
  }
}
