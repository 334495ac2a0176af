import { Injectable } from '@nestjs/common';
import { assertStructureAccess, hasRoleIn, type UserContext } from '@msp/auth';
import { PERMISSIONS } from '../permissions';
import { PatientDirectory } from '../ports/patient-directory.port';
import { MultiSiteOffer, TRAVEL_MARGIN_MS } from '../slots/multi-site-offer';
import { addDays } from '../../domain/local-date';
import type { OpeningRange } from '../../domain/opening-range';
import { assertSearchDates, generateFreeSlots } from '../../domain/slot-generator';
import { AgendaRepository } from '../ports/agenda.repository';
import { SnpRepository } from '../ports/snp.repository';
import { Clock } from '@msp/service-kit';
import { assertUuid } from '../input-checks';

export interface SnpPoolSearch {
  cptsId: string;
  from: string;
  to: string;
  profession?: string | null;
}

export interface SnpSlot {
  practitionerId: string;
  structureId: string;
  siteId: string;
  motifId: string;
  startsAt: string;
  endsAt: string;
  releasesAt: string;
  released: boolean;
}

const MAX_SLOTS = 2000;

/**
 * A CPTS's pooled unscheduled-care capacity (SCH-4): the free SNP slots, released or not, of the practitioners who are
 * members of the CPTS, in the agendas of their own structures (MSPs). Membership comes from the directory's member
 * events (a CPTS is a structure whose members are the professionals taking part). Each slot names its motif: the SNP
 * grid of a range depends on the motif's duration. For the CPTS's members and the booking staff of its member MSPs.
 */
@Injectable()
export class SnpPoolQuery {
  constructor(
    private readonly snp: SnpRepository,
    private readonly agenda: AgendaRepository,
    private readonly clock: Clock,
    private readonly directory: PatientDirectory,
    private readonly multiSite: MultiSiteOffer,
  ) {}

  /**
   * The CPTS's own members, and the staff of its member MSPs, who book its released slots (`bookPooledSnpSlot`); the
   * directory says which MSPs are attached. Anyone else: NOT_FOUND, as an unknown CPTS.
   */
  private async assertMayConsult(user: UserContext, cptsId: string): Promise<void> {
    if (user.memberships.some((m) => m.structureId === cptsId)) return;
    for (const { structureId } of user.memberships)
      if (hasRoleIn(user, structureId, PERMISSIONS.book) && (await this.directory.isMspOfCpts(structureId, cptsId)))
        return;
    assertStructureAccess(user, cptsId);
  }

  async execute(user: UserContext, search: SnpPoolSearch): Promise<SnpSlot[]> {
    const cptsId = assertUuid(search.cptsId, 'cptsId');
    await this.assertMayConsult(user, cptsId);
    assertSearchDates(search.from, search.to, 'input');
    const practitioners = await this.snp.practitionersOf(cptsId, search.profession);
    if (!practitioners.length) return [];
    const ranges = (await this.snp.snpRanges(addDays(search.from, -1), practitioners)).filter(
      (r) => r.validFrom <= search.to,
    );
    const bySite = new Map<string, OpeningRange[]>();
    for (const range of ranges) bySite.set(range.siteId, [...(bySite.get(range.siteId) ?? []), range]);
    const [sites, motifs] = await Promise.all([
      this.agenda.sites([...bySite.keys()]),
      this.snp.motifsOf([...new Set(ranges.map((r) => r.structureId))]),
    ]);
    const start = new Date(`${addDays(search.from, -1)}T00:00:00Z`);
    const end = new Date(`${addDays(search.to, 2)}T00:00:00Z`);
    const now = this.clock.now();
    const involved = [...new Set(ranges.map((r) => r.practitionerId))];
    // SCH-11: travel between sites and rooms, as in every slot search.
    const [exceptions, busy, multiSite] = await Promise.all([
      this.agenda.exceptions(involved, start, end),
      this.agenda.busy(
        involved,
        new Date(start.getTime() - TRAVEL_MARGIN_MS),
        new Date(end.getTime() + TRAVEL_MARGIN_MS),
        now,
      ),
      this.multiSite.load(
        [...bySite.keys()],
        motifs.map((m) => m.id),
        { start, end },
        now,
      ),
    ]);
    const slots: SnpSlot[] = [];
    for (const site of sites) {
      for (const motif of motifs.filter((m) => m.structureId === site.structureId)) {
        const found = generateFreeSlots({
          timeZone: site.timeZone,
          ranges: bySite.get(site.siteId) ?? [],
          exceptions,
          busy: multiSite.busyAt(busy, site.siteId),
          rooms: multiSite.roomsFor(motif.id, site.siteId),
          motif,
          from: search.from,
          to: search.to,
          now,
          audience: 'staff',
        });
        for (const slot of found) {
          if (!slot.snp || !slot.snpReleasesAt) continue;
          const { practitionerId, siteId, motifId, startsAt, endsAt, snpReleasesAt } = slot;
          slots.push({
            practitionerId,
            structureId: site.structureId,
            siteId,
            motifId,
            startsAt,
            endsAt,
            releasesAt: snpReleasesAt,
            released: new Date(snpReleasesAt) <= now,
          });
        }
      }
    }
    return slots
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.practitionerId.localeCompare(b.practitionerId))
      .slice(0, MAX_SLOTS);
  }
}
