import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import type { OpeningRange } from '../../domain/opening-range';
import { AgendaRepository } from '../ports/agenda.repository';
import { assertUuid } from '../input-checks';
import { PERMISSIONS } from '../permissions';

export interface OpeningRangesInput {
  structureId: string;
  practitionerId?: string | null;
}

/** A structure's opening ranges (or one practitioner's), for its members, oldest first. */
@Injectable()
export class OpeningRangesQuery {
  constructor(private readonly agenda: AgendaRepository) {}

  execute(user: UserContext, input: OpeningRangesInput): Promise<OpeningRange[]> {
    const structureId = assertUuid(input.structureId, 'structureId');
    assertStructureAccess(user, structureId, PERMISSIONS.readAgenda);
    const practitionerId = input.practitionerId ? assertUuid(input.practitionerId, 'practitionerId') : null;
    return this.agenda.openingRangesOf(structureId, practitionerId);
  }
}
