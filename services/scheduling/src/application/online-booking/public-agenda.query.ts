import { Injectable } from '@nestjs/common';
import type { FreeSlot } from '../../domain/free-slot';
import type { Motif } from '../../domain/motif';
import { SchedulingError } from '../../domain/scheduling-error';
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

/** The public booking page's reads: motifs bookable online, and the slots offered online (notice, horizon, SNP released). */
@Injectable()
export class PublicAgendaQuery {
  constructor(
    private readonly repository: PublicAgendaRepository,
    private readonly slots: FindFreeSlotsQuery,
  ) {}

  motifs(structureId: string): Promise<Motif[]> {
    return this.repository.onlineMotifs(assertUuid(structureId, 'structureId'));
  }

  freeSlots(structureId: string, search: PublicSlotSearch): Promise<FreeSlot[]> {
    const structure = assertUuid(structureId, 'structureId');
    return this.slots.execute(
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
  }
}
