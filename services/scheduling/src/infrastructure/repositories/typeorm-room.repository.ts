import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { activeManager, requireActiveManager } from '@msp/persistence';
import type { Room, RoomRequirement } from '../../domain/room';
import { RoomRepository, type RoomInterval } from '../../application/ports/room.repository';

interface RoomRow {
  id: string;
  structure_id: string;
  site_id: string;
  label: string;
  kind: string;
  equipment: string[];
  archived_at: Date | null;
}

interface RequirementRow {
  motif_id: string;
  room_kind: string | null;
  equipment: string[];
}

const toRoom = (row: RoomRow): Room => ({
  id: row.id,
  structureId: row.structure_id,
  siteId: row.site_id,
  label: row.label,
  kind: row.kind,
  equipment: row.equipment,
  archivedAt: row.archived_at,
});

const toRequirement = (row: RequirementRow): RoomRequirement => ({
  motifId: row.motif_id,
  roomKind: row.room_kind,
  equipment: row.equipment,
});

/** Rooms, motifs' room requirements, and room busy time; `appointment_room_no_overlap` decides who gets a room. */
@Injectable()
export class TypeOrmRoomRepository implements RoomRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db(): EntityManager {
    return activeManager() ?? this.dataSource.manager;
  }

  async byId(roomId: string): Promise<Room | null> {
    const rows: RoomRow[] = await this.db.query(`select * from room where id = $1`, [roomId]);
    return rows.length ? toRoom(rows[0]) : null;
  }

  async ofSites(siteIds: readonly string[], includeArchived: boolean): Promise<Room[]> {
    if (!siteIds.length) return [];
    const rows: RoomRow[] = await this.db.query(
      `select * from room where site_id = any($1) and ($2 or archived_at is null) order by label, id`,
      [siteIds, includeArchived],
    );
    return rows.map(toRoom);
  }

  async insert(room: Room): Promise<void> {
    await requireActiveManager('Creating a room').query(
      `insert into room (id, structure_id, site_id, label, kind, equipment, archived_at, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, now())`,
      [room.id, room.structureId, room.siteId, room.label, room.kind, room.equipment, room.archivedAt],
    );
  }

  async archive(roomId: string, at: Date): Promise<void> {
    await requireActiveManager('Archiving a room').query(
      `update room set archived_at = $2 where id = $1 and archived_at is null`,
      [roomId, at],
    );
  }

  async requirement(motifId: string): Promise<RoomRequirement | null> {
    const rows: RequirementRow[] = await this.db.query(`select * from motif_room_requirement where motif_id = $1`, [
      motifId,
    ]);
    return rows.length ? toRequirement(rows[0]) : null;
  }

  async requirementsOf(structureId: string): Promise<RoomRequirement[]> {
    const rows: RequirementRow[] = await this.db.query(
      `select r.* from motif_room_requirement r join motif m on m.id = r.motif_id
        where m.structure_id = $1 order by m.label, m.id`,
      [structureId],
    );
    return rows.map(toRequirement);
  }

  async setRequirement(motifId: string, requirement: RoomRequirement | null, at: Date): Promise<void> {
    const db = requireActiveManager("Setting a motif's room requirement");
    if (!requirement) {
      await db.query(`delete from motif_room_requirement where motif_id = $1`, [motifId]);
      return;
    }
    await db.query(
      `insert into motif_room_requirement (motif_id, room_kind, equipment, updated_at) values ($1, $2, $3, $4)
       on conflict (motif_id) do update set room_kind = excluded.room_kind, equipment = excluded.equipment,
                                            updated_at = excluded.updated_at`,
      [motifId, requirement.roomKind, requirement.equipment, at],
    );
  }

  async busy(
    roomIds: readonly string[],
    start: Date,
    end: Date,
    now: Date,
    ignoreAppointmentId?: string | null,
  ): Promise<RoomInterval[]> {
    if (!roomIds.length) return [];
    const rows: Array<{ room_id: string; starts_at: Date; ends_at: Date }> = await this.db.query(
      `select room_id, starts_at, ends_at from appointment
        where room_id = any($1) and tstzrange(starts_at, ends_at, '[)') && tstzrange($2, $3, '[)')
          and status <> 'cancelled' and not (status = 'held' and hold_expires_at <= $4)
          and id is distinct from $5::uuid`,
      [roomIds, start, end, now, ignoreAppointmentId ?? null],
    );
    return rows.map((row) => ({ roomId: row.room_id, start: row.starts_at, end: row.ends_at }));
  }
}
