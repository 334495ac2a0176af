import { Injectable } from '@nestjs/common';
import { requireActiveManager } from '@msp/persistence';
import { IndicatorValuesRepository, type AnnouncedValue } from '../../application/ports/indicator-values.repository';

interface ValueRow {
  indicator_code: string;
  level: number | null;
  numerator: number;
  denominator: number | null;
}

/** `practitioner_key` '' is the structure's own value (a primary key holds no null). */
const keyOf = (practitionerId: string | null) => practitionerId ?? '';

/** Written in the inbox transaction of the fact that changed the value, with its outbox event. */
@Injectable()
export class TypeOrmIndicatorValuesRepository implements IndicatorValuesRepository {
  async announced(
    structureId: string,
    practitionerId: string | null,
    period: string,
  ): Promise<Map<string, AnnouncedValue>> {
    const rows = await requireActiveManager('reading the announced indicator values').query<ValueRow[]>(
      `select indicator_code, level, numerator, denominator from indicator_value
        where structure_id = $1 and practitioner_key = $2 and period = $3`,
      [structureId, keyOf(practitionerId), period],
    );
    return new Map(
      rows.map((r) => [
        r.indicator_code,
        { structureId, practitionerId, period, indicatorCode: r.indicator_code, ...r },
      ]),
    );
  }

  async save(value: AnnouncedValue, at: Date): Promise<void> {
    await requireActiveManager('announcing an indicator value').query(
      `insert into indicator_value
         (structure_id, practitioner_key, indicator_code, period, level, numerator, denominator, computed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (structure_id, practitioner_key, indicator_code, period) do update
         set level = excluded.level, numerator = excluded.numerator, denominator = excluded.denominator,
             computed_at = excluded.computed_at`,
      [
        value.structureId,
        keyOf(value.practitionerId),
        value.indicatorCode,
        value.period,
        value.level,
        value.numerator,
        value.denominator,
        at,
      ],
    );
  }

  async announcedMonths(structureId: string, from: string, to: string): Promise<string[]> {
    const rows = await requireActiveManager('reading the announced months').query<Array<{ period: string }>>(
      `select distinct period from indicator_value
        where structure_id = $1 and period ~ '^[0-9]{4}-[0-9]{2}$' and period between $2 and $3 order by period`,
      [structureId, from, to],
    );
    return rows.map((r) => r.period);
  }
}
