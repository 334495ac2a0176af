import { Injectable } from '@nestjs/common';
import type { FreeSlot } from '../../domain/free-slot';
import type { Motif } from '../../domain/motif';
import { SchedulingError } from '../../domain/scheduling-error';
import { AgendaRepository } from '../ports/agenda.repository';
import { PublicAgendaRepository } from '../ports/public-agenda.repository';
import { assertUuid } from '../input-checks';
import { FindFreeSlotsQuery } from '../slots/find-free-slots.query';

export interface PublicSlotSearch {
  motifId: string;
  from: string;
  to: string;
  practitionerId?: string;
  siteId?: string;
}

const PUBLIC_LIMIT = 300;

/** A slot as the public page shows it: the time zone of its site, so that a phone abroad shows the practice's hours. */
export type PublicFreeSlot = FreeSlot & { timeZone: string };

/** The public booking page's reads: motifs bookable online, and the slots offered online (notice, horizon, SNP released). */
@Injectable()
export class PublicAgendaQuery {
  constructor(
    private readonly repository: PublicAgendaRepository,
    private readonly slots: FindFreeSlotsQuery,
    private readonly agenda: AgendaRepository,
  ) {}

  motifs(structureId: string): Promise<Motif[]> {
    return this.repository.onlineMotifs(assertUuid(structureId, 'structureId'));
  }

  async freeSlots(structureId: string, search: PublicSlotSearch): Promise<PublicFreeSlot[]> {
    const structure = assertUuid(structureId, 'structureId');
    const slots = await this.slots.execute(
      {
        motifId: search.motifId,
        from: search.from,
        to: search.to,
        practitionerIds: search.practitionerId ? [search.practitionerId] : null,
        siteIds: search.siteId ? [search.siteId] : null,
        audience: 'online',
        limit: PUBLIC_LIMIT,
      },
      (motifStructure) => {
        // A motif of another practice is unknown here, not forbidden: the page says nothing about other structures.
        if (motifStructure !== structure) throw SchedulingError.notFound('Motif', 'input.motifId');
      },
    );
    const zones = new Map(
      (await this.agenda.sites([...new Set(slots.map((slot) => slot.siteId))])).map((site) => [
        site.siteId,
        site.timeZone,
      ]),
    );
    return slots.map((slot) => ({ ...slot, timeZone: zones.get(slot.siteId) ?? 'UTC' }));
  }
}
