import { Injectable } from '@nestjs/common';
import { directoryInput } from '../../domain/directory-error';
import type { Profession } from '../../domain/profession';
import { publicDisplayName } from '../../domain/public-name';
import { MemberRepository } from '../ports/member.repository';
import { MembershipRepository } from '../ports/membership.repository';
import { SiteRepository } from '../ports/site.repository';
import { StructureRepository } from '../ports/structure.repository';

export interface PracticeProfileSite {
  siteId: string;
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
  /** "14 rue des Lices, 35160 Montfort-sur-Meu". */
  address: string;
  timeZone: string;
  /** The site's first line (E.164): the number patients are given to call the desk; null when it has none. */
  phone: string | null;
}

export interface PracticeProfilePractitioner {
  memberId: string;
  /** "Dr Yann Le Gall": the name patients know the professional by. */
  displayName: string;
  profession: Profession;
  /** The structure's sites where they consult. */
  siteIds: string[];
}

/**
 * What a practice shows the public on its booking page: public professional information only (as the Annuaire santé
 * publishes it), never a patient, nor a member's e-mail, RPPS or role beyond "takes appointments".
 */
export interface PracticeProfile {
  structureId: string;
  name: string;
  timeZone: string;
  sites: PracticeProfileSite[];
  practitioners: PracticeProfilePractitioner[];
}

/**
 * A structure's public profile for scheduling's public booking page (SCH-5): its name, its sites and the members who
 * take appointments there (current members with the practitioner role), by last name. Null for an unknown structure.
 */
@Injectable()
export class PracticeProfileQuery {
  constructor(
    private readonly structures: StructureRepository,
    private readonly sites: SiteRepository,
    private readonly members: MemberRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  async of(structureId: string): Promise<PracticeProfile | null> {
    const id = directoryInput.uuid(structureId, 'structureId');
    const structure = await this.structures.findById(id);
    if (!structure) return null;
    const [sites, current] = await Promise.all([
      this.sites.ofStructures([id]),
      this.members.currentMembers({ structureIds: [id] }),
    ]);
    const roles = new Map(
      (
        await this.memberships.currentOf(
          current.map((m) => m.member.id),
          [id],
        )
      ).map((m) => [m.memberId, m]),
    );
    const siteIds = new Set(sites.map((s) => s.id));
    return {
      structureId: structure.id,
      name: structure.name,
      timeZone: structure.timeZone,
      sites: sites.map((site) => ({
        siteId: site.id,
        name: site.name,
        addressLine: site.addressLine,
        postalCode: site.postalCode,
        city: site.city,
        address: `${site.addressLine}, ${site.postalCode} ${site.city}`,
        timeZone: site.timeZone,
        phone: site.phoneLines[0] ?? null,
      })),
      practitioners: current.flatMap(({ member }) => {
        const membership = roles.get(member.id);
        if (!membership?.roles.includes('practitioner')) return [];
        return [
          {
            memberId: member.id,
            displayName: publicDisplayName(member),
            profession: member.profession,
            siteIds: membership.siteIds.filter((siteId) => siteIds.has(siteId)),
          },
        ];
      }),
    };
  }
}
