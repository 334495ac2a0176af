import { Injectable } from '@nestjs/common';
import { SubgraphAuthenticator, type UserContext } from '@msp/auth';
import { manyByKey, oneByKey, type RequestLoader, requestLoader, type SubgraphContext } from '@msp/service-kit';
import type { Member } from '../../application/ports/member.repository';
import type { Membership } from '../../application/ports/membership.repository';
import type { Site } from '../../application/ports/site.repository';
import type { Structure } from '../../application/ports/structure.repository';
import { DirectoryReader } from '../../application/reads/directory-reader';

/**
 * The directory's reads that more than one resolver asks for each parent (a member for every access-log entry, the
 * referents of every membership…): one query per GraphQL request and loader instead of one per parent.
 */
@Injectable()
export class DirectoryLoaders {
  constructor(
    private readonly reader: DirectoryReader,
    private readonly auth: SubgraphAuthenticator,
  ) {}

  /** A member the caller shares a current structure with; null for anyone else. */
  visibleMember(context: SubgraphContext): RequestLoader<string, Member | null> {
    return requestLoader(context, 'visibleMember', async (ids: readonly string[]) =>
      oneByKey(ids, await this.reader.visibleMembers(await this.callerOf(context), ids), (member) => member.id),
    );
  }

  /** A member's memberships in the structures the caller shares with them. */
  membershipsOf(context: SubgraphContext): RequestLoader<string, Membership[]> {
    return requestLoader(context, 'membershipsOf', async (memberIds: readonly string[]) =>
      manyByKey(
        memberIds,
        await this.reader.membershipsOf(await this.callerOf(context), memberIds),
        (membership) => membership.memberId,
      ),
    );
  }

  /** A structure the caller belongs to; null for any other. */
  readableStructure(context: SubgraphContext): RequestLoader<string, Structure | null> {
    return requestLoader(context, 'readableStructure', async (ids: readonly string[]) =>
      oneByKey(ids, await this.reader.readableStructures(await this.callerOf(context), ids), (s) => s.id),
    );
  }

  /** A structure another one is linked to, whoever asks. */
  linkedStructure(context: SubgraphContext): RequestLoader<string, Structure | null> {
    return requestLoader(context, 'linkedStructure', async (ids: readonly string[]) =>
      oneByKey(ids, await this.reader.linkedStructures(ids), (s) => s.id),
    );
  }

  /** A site of a structure the caller belongs to; null for any other. */
  readableSite(context: SubgraphContext): RequestLoader<string, Site | null> {
    return requestLoader(context, 'readableSite', async (ids: readonly string[]) =>
      oneByKey(ids, await this.reader.readableSites(await this.callerOf(context), ids), (site) => site.id),
    );
  }

  /** A structure's sites, by name; check the structure with `DirectoryReader.assertReadable` first. */
  sitesOf(context: SubgraphContext): RequestLoader<string, Site[]> {
    return requestLoader(context, 'sitesOf', async (structureIds: readonly string[]) =>
      manyByKey(
        structureIds,
        await this.reader.sitesOf(await this.callerOf(context), structureIds),
        (s) => s.structureId,
      ),
    );
  }

  /**
   * A structure's current members, optionally of one site or profession, by name; check the structure with
   * `DirectoryReader.assertReadable` first.
   */
  membersOf(
    context: SubgraphContext,
    siteId: string | null,
    profession: string | null,
  ): RequestLoader<string, Member[]> {
    return requestLoader(
      context,
      `membersOf:${JSON.stringify([siteId, profession])}`,
      async (structureIds: readonly string[]) => {
        const found = await this.reader.members(await this.callerOf(context), { structureIds, siteId, profession });
        return manyByKey(structureIds, found, (m) => m.structureId).map((members) => members.map((m) => m.member));
      },
    );
  }

  // Read inside each batch, once: verifying the signed context per parent would cost more than the query saved.
  private callerOf(context: SubgraphContext): Promise<UserContext> {
    return this.auth.fromGraphQLContext(context);
  }
}
