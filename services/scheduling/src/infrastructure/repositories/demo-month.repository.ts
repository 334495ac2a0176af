import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { activeManager, requireActiveManager } from '@msp/persistence';

/** A structure's demo month and how far it has been played. */
export interface DemoMonthState {
  structureId: string;
  /** `YYYY-MM`. */
  month: string;
  timeZone: string;
  /** The last day played (`YYYY-MM-DD`), null before the first. */
  playedThrough: string | null;
  completedAt: Date | null;
}

/** The `demo_month` rows and the structure's patients as the directory's events gave them, for the demo month player. */
@Injectable()
export class DemoMonthRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db(): EntityManager {
    return activeManager() ?? this.dataSource.manager;
  }

  /** In the transaction that gives the structure its demo agendas. */
  async record(structureId: string, month: string, timeZone: string): Promise<void> {
    await requireActiveManager('Recording a demo month').query(
      `insert into demo_month (structure_id, month, time_zone) values ($1, $2, $3) on conflict (structure_id) do nothing`,
      [structureId, month, timeZone],
    );
  }

  async pending(): Promise<DemoMonthState[]> {
    const rows: Row[] = await this.db.query(
      `select ${COLUMNS} from demo_month where completed_at is null order by created_at, structure_id`,
    );
    return rows.map(toState);
  }

  /** Locks the row until the transaction ends: one replica at a time plays a structure's day. */
  async lock(structureId: string): Promise<DemoMonthState | null> {
    const [row]: Row[] = await requireActiveManager('Playing a demo day').query(
      `select ${COLUMNS} from demo_month where structure_id = $1 for update`,
      [structureId],
    );
    return row ? toState(row) : null;
  }

  async markPlayed(structureId: string, date: string): Promise<void> {
    await requireActiveManager('Playing a demo day').query(
      `update demo_month set played_through = $2 where structure_id = $1`,
      [structureId, date],
    );
  }

  async markCompleted(structureId: string, at: Date): Promise<void> {
    await this.db.query(`update demo_month set completed_at = $2 where structure_id = $1 and completed_at is null`, [
      structureId,
      at,
    ]);
  }

  /** The structure's patients (opaque ids) scheduling has heard of, from `directory.patient.registered`, in id order. */
  async patientsOf(structureId: string): Promise<string[]> {
    const rows: Array<{ patient_id: string }> = await this.db.query(
      `select patient_id from patient_reminder_consent where structure_id = $1 order by patient_id`,
      [structureId],
    );
    return rows.map((row) => row.patient_id);
  }
}

const COLUMNS = `structure_id, month, time_zone, to_char(played_through, 'YYYY-MM-DD') as played_through, completed_at`;

interface Row {
  structure_id: string;
  month: string;
  time_zone: string;
  played_through: string | null;
  completed_at: Date | null;
}

const toState = (row: Row): DemoMonthState => ({
  structureId: row.structure_id,
  month: row.month,
  timeZone: row.time_zone,
  playedThrough: row.played_through,
  completedAt: row.completed_at,
});
