import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { DysfunctionRepository, type DysfunctionReport } from '../../application/ports/dysfunction.repository';

interface Row {
  id: string;
  structure_id: string;
  task_id: string | null;
  protocol_id: string | null;
  reported_by: string;
  description: string;
  at: Date;
  iso_week: string;
}

const toReport = (r: Row): DysfunctionReport => ({
  id: r.id,
  structureId: r.structure_id,
  taskId: r.task_id,
  protocolId: r.protocol_id,
  reportedBy: r.reported_by,
  description: r.description,
  at: r.at,
  isoWeek: r.iso_week,
});

/** Dysfunction reports, read back per structure and ISO week for the weekly review. */
@Injectable()
export class TypeOrmDysfunctionRepository implements DysfunctionRepository {
  constructor(private readonly db: DataSource) {}

  async insert(report: DysfunctionReport): Promise<void> {
    await this.manager().query(
      `insert into dysfunction_report (id, structure_id, task_id, protocol_id, reported_by, description, at, iso_week)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        report.id,
        report.structureId,
        report.taskId,
        report.protocolId,
        report.reportedBy,
        report.description,
        report.at,
        report.isoWeek,
      ],
    );
  }

  /** Oldest first. */
  async ofWeek(structureId: string, isoWeek: string): Promise<DysfunctionReport[]> {
    const rows: Row[] = await this.manager().query(
      `select id, structure_id, task_id, protocol_id, reported_by, description, at, iso_week
       from dysfunction_report where structure_id = $1 and iso_week = $2 order by at, id`,
      [structureId, isoWeek],
    );
    return rows.map(toReport);
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}
