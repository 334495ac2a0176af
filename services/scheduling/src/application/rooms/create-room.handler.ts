import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { createRoom, type Room } from '../../domain/room';
import { AgendaRepository } from '../ports/agenda.repository';
import { RoomRepository } from '../ports/room.repository';
import { assertUuid } from '../input-checks';
import { manageableSite } from '../manageable-site';
import { PERMISSIONS } from '../permissions';

export interface CreateRoomInput {
  siteId: string;
  label: string;
  kind: string;
  equipment?: string[] | null;
}

/** A room of a site (SCH-11), by the structure's administrators. */
@Injectable()
export class CreateRoomHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly agenda: AgendaRepository,
    private readonly rooms: RoomRepository,
  ) {}

  async execute(user: UserContext, input: CreateRoomInput): Promise<Room> {
    const siteId = assertUuid(input.siteId, 'input.siteId');
    const site = await manageableSite(this.agenda, user, siteId, 'input.siteId', PERMISSIONS.manageSites);
    const room = createRoom({ ...input, id: randomUUID(), structureId: site.structureId, siteId });
    await this.transactions.run(() => this.rooms.insert(room));
    return room;
  }
}
