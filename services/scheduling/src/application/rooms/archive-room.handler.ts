import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import type { Room } from '../../domain/room';
import { SchedulingError } from '../../domain/scheduling-error';
import { RoomRepository } from '../ports/room.repository';
import { assertUuid } from '../input-checks';
import { assertMayManage, PERMISSIONS } from '../permissions';

/**
 * Takes a room out of what new bookings may use (SCH-11). Appointments already booked in it keep it: the desk moves
 * them if the room is really gone. Archiving twice answers the room as it is.
 */
@Injectable()
export class ArchiveRoomHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly rooms: RoomRepository,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: { roomId: string }): Promise<Room> {
    const roomId = assertUuid(input.roomId, 'roomId');
    const room = await this.rooms.byId(roomId);
    if (!room) throw SchedulingError.notFound('Room', 'roomId');
    assertMayManage(user, room.structureId, PERMISSIONS.manageSites, null, SchedulingError.notFound('Room', 'roomId'));
    if (room.archivedAt) return room;
    const now = this.clock.now();
    await this.transactions.run(() => this.rooms.archive(roomId, now));
    return { ...room, archivedAt: now };
  }
}
