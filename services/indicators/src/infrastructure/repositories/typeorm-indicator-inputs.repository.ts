import { Injectable } from '@nestjs/common';
import { activeManager, requireActiveManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type IndicatorInput,
  IndicatorInputsRepository,
  type SettingChange,
  type StructureSetting,
} from '../../application/ports/indicator-inputs.repository';

interface InputRow {
  structure_id: string;
  practitioner_id: string | null;
  indicator_code: string;
  period: string;
  period_start: string;
  period_end: string;
  catalogue: string;
  catalogue_version: string;
  numerator: number | null;
  denominator: number | null;
  flag: boolean | null;
  origin: 'imported' | 'declared';
  file_name: string | null;
  file_sha256: string | null;
  file_line: number | null;
  evidence_reference: string | null;
  recorded_by: string;
  recorded_at: Date;
}

const INPUT_COLUMNS = `structure_id, practitioner_id, indicator_code, period, period_start::text, period_end::text,
  catalogue, catalogue_version, numerator, denominator, flag, origin, file_name, file_sha256, file_line,
  evidence_reference, recorded_by, recorded_at`;

function inputOf(r: InputRow): IndicatorInput {
  return {
    structureId: r.structure_id,
    practitionerId: r.practitioner_id,
    indicatorCode: r.indicator_code,
    period: r.period,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    catalogue: { code: r.catalogue, version: r.catalogue_version },
    numerator: r.numerator,
    denominator: r.denominator,
    flag: r.flag,
    origin: r.origin,
    file: r.file_name !== null ? { name: r.file_name, sha256: r.file_sha256 ?? '', line: r.file_line ?? 0 } : null,
    evidenceReference: r.evidence_reference,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  };
}

/** Rows per insert statement: 18 parameters each stays far below PostgreSQL's 65,535. */
const BATCH = 500;

@Injectable()
export class TypeOrmIndicatorInputsRepository implements IndicatorInputsRepository {
  constructor(private readonly db: DataSource) {}

  async membersByRpps(structureId: string, rpps: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.manager().query<Array<{ rpps: string; member_id: string }>>(
      `select rpps, member_id from practitioner_member
        where structure_id = $1 and left_at is null and rpps = any($2)`,
      [structureId, [...new Set(rpps)]],
    );
    return new Map(rows.map((r) => [r.rpps, r.member_id]));
  }

  async upsert(inputs: readonly IndicatorInput[]): Promise<void> {
    const manager = requireActiveManager('storing imported or declared indicator values');
    for (let from = 0; from < inputs.length; from += BATCH) {
      const batch = inputs.slice(from, from + BATCH);
      const params: unknown[] = [];
      const tuples = batch.map((i) => {
        const values = [
          i.structureId,
          i.practitionerId,
          i.indicatorCode,
          i.period,
          i.periodStart,
          i.periodEnd,
          i.catalogue.code,
          i.catalogue.version,
          i.numerator,
          i.denominator,
          i.flag,
          i.origin,
          i.file?.name ?? null,
          i.file?.sha256 ?? null,
          i.file?.line ?? null,
          i.evidenceReference,
          i.recordedBy,
          i.recordedAt,
        ];
        const placeholders = values.map((v) => {
          params.push(v);
          return `$${params.length}`;
        });
        return `(${placeholders.join(', ')})`;
      });
      await manager.query(
        `insert into indicator_input (structure_id, practitioner_id, indicator_code, period, period_start, period_end,
           catalogue, catalogue_version, numerator, denominator, flag, origin, file_name, file_sha256, file_line,
           evidence_reference, recorded_by, recorded_at)
         values ${tuples.join(', ')}
         on conflict on constraint indicator_input_one_value do update set
           period_start = excluded.period_start, period_end = excluded.period_end, catalogue = excluded.catalogue,
           catalogue_version = excluded.catalogue_version, numerator = excluded.numerator,
           denominator = excluded.denominator, flag = excluded.flag, origin = excluded.origin,
           file_name = excluded.file_name, file_sha256 = excluded.file_sha256, file_line = excluded.file_line,
           evidence_reference = excluded.evidence_reference, recorded_by = excluded.recorded_by,
           recorded_at = excluded.recorded_at`,
        params,
      );
    }
  }

  async ofPeriod(
    structureId: string,
    start: string,
    end: string,
    practitionerId: string | null,
  ): Promise<IndicatorInput[]> {
    const rows = await this.manager().query<InputRow[]>(
      `select ${INPUT_COLUMNS} from indicator_input
        where structure_id = $1 and period_start = $2 and period_end = $3
          and ($4::uuid is null or practitioner_id = $4)
        order by indicator_code, practitioner_id nulls first`,
      [structureId, start, end, practitionerId],
    );
    return rows.map(inputOf);
  }

  async settings(structureId: string): Promise<StructureSetting[]> {
    const rows = await this.manager().query<SettingRow[]>(
      `select ${SETTING_COLUMNS} from structure_indicator_setting where structure_id = $1
        order by catalogue, indicator_code, field`,
      [structureId],
    );
    return rows.map(settingOf);
  }

  async settingForUpdate(
    structureId: string,
    catalogue: string,
    indicatorCode: string,
    field: string,
  ): Promise<StructureSetting | null> {
    const rows = await requireActiveManager("locking a structure's indicator setting").query<SettingRow[]>(
      `select ${SETTING_COLUMNS} from structure_indicator_setting
        where structure_id = $1 and catalogue = $2 and indicator_code = $3 and field = $4 for update`,
      [structureId, catalogue, indicatorCode, field],
    );
    return rows[0] ? settingOf(rows[0]) : null;
  }

  async saveSetting(structureId: string, setting: StructureSetting, change: SettingChange): Promise<void> {
    const manager = requireActiveManager("saving a structure's indicator setting and its audit");
    await manager.query(
      `insert into structure_indicator_setting (structure_id, catalogue, indicator_code, field, value, source, set_by, set_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (structure_id, catalogue, indicator_code, field) do update
         set value = excluded.value, source = excluded.source, set_by = excluded.set_by, set_at = excluded.set_at`,
      [
        structureId,
        setting.catalogue,
        setting.indicatorCode,
        setting.field,
        setting.value,
        setting.source,
        setting.setBy,
        setting.setAt,
      ],
    );
    await manager.query(
      `insert into indicator_setting_audit (structure_id, catalogue, indicator_code, field, old_value, old_source,
         new_value, source, changed_by, changed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        structureId,
        change.catalogue,
        change.indicatorCode,
        change.field,
        change.oldValue,
        change.oldSource,
        change.newValue,
        change.source,
        change.changedBy,
        change.changedAt,
      ],
    );
  }

  async auditTrail(structureId: string, indicatorCode: string | null): Promise<SettingChange[]> {
    const rows = await this.manager().query<
      Array<{
        catalogue: string;
        indicator_code: string;
        field: string;
        old_value: number | null;
        old_source: string | null;
        new_value: number;
        source: string;
        changed_by: string;
        changed_at: Date;
      }>
    >(
      `select catalogue, indicator_code, field, old_value, old_source, new_value, source, changed_by, changed_at
         from indicator_setting_audit
        where structure_id = $1 and ($2::text is null or indicator_code = $2)
        order by changed_at, id`,
      [structureId, indicatorCode],
    );
    return rows.map((r) => ({
      catalogue: r.catalogue,
      indicatorCode: r.indicator_code,
      field: r.field,
      oldValue: r.old_value,
      oldSource: r.old_source,
      newValue: r.new_value,
      source: r.source,
      changedBy: r.changed_by,
      changedAt: r.changed_at,
    }));
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}

interface SettingRow {
  catalogue: string;
  indicator_code: string;
  field: string;
  value: number;
  source: string;
  set_by: string;
  set_at: Date;
}

const SETTING_COLUMNS = 'catalogue, indicator_code, field, value, source, set_by, set_at';

function settingOf(r: SettingRow): StructureSetting {
  return {
    catalogue: r.catalogue,
    indicatorCode: r.indicator_code,
    field: r.field,
    value: r.value,
    source: r.source,
    setBy: r.set_by,
    setAt: r.set_at,
  };
}
