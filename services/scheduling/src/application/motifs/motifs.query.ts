import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import type { Motif } from '../../domain/motif';
import { AgendaRepository } from '../ports/agenda.repository';
import { assertUuid } from '../input-checks';
import { PERMISSIONS } from '../permissions';

/** The consultation types of a structure, for its members; archived ones only when asked for. */
@Injectable()
export class MotifsQuery {
  constructor(private readonly agenda: AgendaRepository) {}

  execute(user: UserContext, input: { structureId: string; includeArchived?: boolean | null }): Promise<Motif[]> {
    const structureId = assertUuid(input.structureId, 'structureId');
    assertStructureAccess(user, structureId, PERMISSIONS.readAgenda);
    return this.agenda.motifsOfStructure(structureId, { includeArchived: Boolean(input.includeArchived) });
  }
}
