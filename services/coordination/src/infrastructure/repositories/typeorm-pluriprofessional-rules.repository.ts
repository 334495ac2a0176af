import { Injectable } from '@nestjs/common';
import { activeManager, requireActiveManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_PLURIPROFESSIONAL_RULE, type PluriprofessionalRule } from '../../domain/pluriprofessional-rule';
import { PluriprofessionalRules, type StructureRule } from '../../application/ports/pluriprofessional-rules.repository';

@Injectable()
export class TypeOrmPluriprofessionalRules implements PluriprofessionalRules {
  constructor(private readonly db: DataSource) {}

  async of(structureId: string): Promise<StructureRule> {
    const [row]: Array<{ min_professions: number; physician_required: boolean; updated_by: string; updated_at: Date }> =
      await this.manager().query(
        `select min_professions, physician_required, updated_by, updated_at from coordination_settings
         where structure_id = $1`,
        [structureId],
      );
    if (!row) return { structureId, ...DEFAULT_PLURIPROFESSIONAL_RULE, updatedBy: null, updatedAt: null };
    return {
      structureId,
      minProfessions: row.min_professions,
      physicianRequired: row.physician_required,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    };
  }

  async set(structureId: string, rule: PluriprofessionalRule, by: string, at: Date): Promise<void> {
    await requireActiveManager('settings write').query(
      `insert into coordination_settings (structure_id, min_professions, physician_required, updated_by, updated_at)
       values ($1, $2, $3, $4, $5)
       on conflict (structure_id) do update
         set min_professions = excluded.min_professions, physician_required = excluded.physician_required,
             updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [structureId, rule.minProfessions, rule.physicianRequired, by, at],
    );
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}
