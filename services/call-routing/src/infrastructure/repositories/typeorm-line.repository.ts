import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { LineRepository, type PhoneLine } from '../../application/ports/line.repository';
import { CallRoutingError, CallRoutingErrorCode } from '../../domain/call-routing-error';
import { violatesUnique } from './unique-violation';

/** The unique index that lets a number name one live line across the platform. */
const NUMBER_LIVE = 'phone_line_number_live';

interface Row {
  id: string;
  structure_id: string;
  site_id: string;
  practitioner_id: string | null;
  number: string;
  desk_number: string;
  label: string;
  created_at: Date;
}

const toLine = (r: Row): PhoneLine => ({
  id: r.id,
  structureId: r.structure_id,
  siteId: r.site_id,
  practitionerId: r.practitioner_id,
  number: r.number,
  deskNumber: r.desk_number,
  label: r.label,
  createdAt: r.created_at,
});

/** Phone lines; a removed line stays (the journal's calls refer to it) but no longer answers its number. */
@Injectable()
export class TypeOrmLineRepository implements LineRepository {
  constructor(private readonly db: DataSource) {}

  async create(line: PhoneLine): Promise<PhoneLine> {
    try {
      const [row]: Row[] = await this.manager().query(
        `insert into phone_line (id, structure_id, site_id, practitioner_id, number, desk_number, label, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
        [
          line.id,
          line.structureId,
          line.siteId,
          line.practitionerId,
          line.number,
          line.deskNumber,
          line.label,
          line.createdAt,
        ],
      );
      return toLine(row);
    } catch (error) {
      if (violatesUnique(error, NUMBER_LIVE))
        throw new CallRoutingError(
          CallRoutingErrorCode.LineTaken,
          'This number is already a line of the platform',
          'input.number',
        );
      throw error;
    }
  }

  async remove(id: string, at: Date): Promise<PhoneLine | null> {
    // Removing twice keeps the first removal's time; a removed line is still answered (it existed).
    const [rows]: [Row[], number] = await this.manager().query(
      `update phone_line set removed_at = coalesce(removed_at, $2) where id = $1 returning *`,
      [id, at],
    );
    return rows[0] ? toLine(rows[0]) : null;
  }

  async byId(id: string): Promise<PhoneLine | null> {
    const [row]: Row[] = await this.manager().query(`select * from phone_line where id = $1`, [id]);
    return row ? toLine(row) : null;
  }

  async byNumber(number: string): Promise<PhoneLine | null> {
    const [row]: Row[] = await this.manager().query(
      `select * from phone_line where number = $1 and removed_at is null`,
      [number],
    );
    return row ? toLine(row) : null;
  }

  async anyLine(): Promise<boolean> {
    const rows: unknown[] = await this.manager().query(`select 1 from phone_line limit 1`);
    return rows.length > 0;
  }

  async ofStructure(structureId: string): Promise<PhoneLine[]> {
    const rows: Row[] = await this.manager().query(
      `select * from phone_line where structure_id = $1 and removed_at is null order by label, number`,
      [structureId],
    );
    return rows.map(toLine);
  }

  async ofPractitioners(structureId: string, practitionerIds: readonly string[]): Promise<PhoneLine[]> {
    if (practitionerIds.length === 0) return [];
    const rows: Row[] = await this.manager().query(
      `select * from phone_line
       where structure_id = $1 and practitioner_id = any($2::uuid[]) and removed_at is null
       order by created_at, id`,
      [structureId, practitionerIds],
    );
    return rows.map(toLine);
  }

  async siteLine(siteId: string): Promise<PhoneLine | null> {
    const [row]: Row[] = await this.manager().query(
      `select * from phone_line where site_id = $1 and practitioner_id is null and removed_at is null
       order by created_at, id limit 1`,
      [siteId],
    );
    return row ? toLine(row) : null;
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}
