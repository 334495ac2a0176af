import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogueRepository } from '../../application/ports/catalogue.repository';
import type { TaskCategory, TaskType } from '../../domain/catalogue/task-type';

interface Row {
  code: string;
  label: string;
  category: TaskCategory;
  standard_minutes: number;
  default_roles: string[];
  active: boolean;
}

const toType = (r: Row): TaskType => ({
  code: r.code,
  label: r.label,
  category: r.category,
  standardMinutes: r.standard_minutes,
  defaultRoles: r.default_roles,
  active: r.active,
});

/** A structure's edits of the task catalogue, one row per code (an override of a default type, or its own type). */
@Injectable()
export class TypeOrmCatalogueRepository implements CatalogueRepository {
  constructor(private readonly db: DataSource) {}

  async edits(structureId: string): Promise<TaskType[]> {
    const rows: Row[] = await this.manager().query(
      `select code, label, category, standard_minutes, default_roles, active
       from task_type where structure_id = $1 order by code`,
      [structureId],
    );
    return rows.map(toType);
  }

  async upsert(structureId: string, type: TaskType, by: string, at: Date): Promise<void> {
    await this.manager().query(
      `insert into task_type (structure_id, code, label, category, standard_minutes, default_roles, active, updated_by, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (structure_id, code) do update
         set label = excluded.label, category = excluded.category, standard_minutes = excluded.standard_minutes,
             default_roles = excluded.default_roles, active = excluded.active,
             updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [structureId, type.code, type.label, type.category, type.standardMinutes, type.defaultRoles, type.active, by, at],
    );
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}
