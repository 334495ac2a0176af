import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { createRoomRequirement, type RoomRequirement } from '../../domain/room';
import { SchedulingError } from '../../domain/scheduling-error';
import { AgendaRepository } from '../ports/agenda.repository';
import { RoomRepository } from '../ports/room.repository';
import { assertUuid } from '../input-checks';
import { assertMayManage, PERMISSIONS } from '../permissions';

export interface SetMotifRoomRequirementInput {
  motifId: string;
  roomKind?: string | null;
  equipment?: string[] | null;
}

/**
 * What a motif needs of a room (SCH-11): a kind, equipment, or both; neither removes the need. Booked appointments keep
 * their room; the next bookings and searches follow the new need.
 */
@Injectable()
export class SetMotifRoomRequirementHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly agenda: AgendaRepository,
    private readonly rooms: RoomRepository,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: SetMotifRoomRequirementInput): Promise<RoomRequirement> {
    const motifId = assertUuid(input.motifId, 'input.motifId');
    const motif = await this.agenda.motif(motifId);
    if (!motif) throw SchedulingError.notFound('Motif', 'input.motifId');
    assertMayManage(
      user,
      motif.structureId,
      PERMISSIONS.manageMotifs,
      motif.practitionerId,
      SchedulingError.notFound('Motif', 'input.motifId'),
    );
    const requirement = createRoomRequirement(motifId, input.roomKind, input.equipment);
    await this.transactions.run(() => this.rooms.setRequirement(motifId, requirement, this.clock.now()));
    return requirement ?? { motifId, roomKind: null, equipment: [] };
  }
}
