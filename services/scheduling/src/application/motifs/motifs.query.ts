import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import type { Motif } from '../../domain/motif';
import { AgendaRepository } from '../ports/agenda.repository';
import { assertUuid } from '../input-checks';
import { PERMISSIONS } from '../permissions';

/** The consultation types of a structure, for its members. */
@Injectable()
export class MotifsQuery {
  constructor(private readonly agenda: AgendaRepository) {}

  execute(user: UserContext, input: { structureId: string }): Promise<Motif[]> {
    const structureId = assertUuid(input.structureId, 'structureId');
    assertStructureAccess(user, structureId, PERMISSIONS.readAgenda);
    return this.agenda.motifsOfStructure(structureId);
  }

  /**
   * The motif the virtual secretary offers by default on the phone: the shortest structure-wide consultation at the
   * practice that it may book (a practitioner's own motifs stay theirs). Null when there is none.
   */
  async phoneMotif(structureId: string): Promise<Motif | null> {
    const candidates = (await this.agenda.motifsOfStructure(assertUuid(structureId, 'structureId'))).filter(
      (m) => m.practitionerId === null && m.channel === 'cabinet' && m.bookableBy.includes('virtual_secretary'),
    );
    return (
      candidates.sort((a, b) => a.durationMinutes - b.durationMinutes || a.label.localeCompare(b.label))[0] ?? null
    );
  }
}
