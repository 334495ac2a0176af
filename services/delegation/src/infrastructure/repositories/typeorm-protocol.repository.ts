import { Injectable } from '@nestjs/common';
import { activeManager, requireActiveManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { ProtocolRepository, type Protocol, type ProtocolVersion } from '../../application/ports/protocol.repository';
import { DelegationError, DelegationErrorCode } from '../../domain/delegation-error';
import type { ProtocolContent, ProtocolStatus } from '../../domain/protocols/protocol';
import { violatesUnique } from './unique-violation';

/** The partial unique index that keeps one adopted protocol per task type and structure. */
const ADOPTED_PER_TYPE = 'protocol_adopted_per_type';

interface VersionRow {
  version: number;
  content: ProtocolContent;
  written_by: string;
  written_at: Date;
  adopted_by: string | null;
  adopted_at: Date | null;
  meeting_id: string | null;
}

interface ProtocolRow extends VersionRow {
  id: string;
  structure_id: string;
  status: ProtocolStatus;
  current_version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** A protocol with its current version. */
const SELECT_CURRENT = `
  select p.id, p.structure_id, p.status, p.current_version, p.created_by, p.created_at, p.updated_at,
         v.version, v.content, v.written_by, v.written_at, v.adopted_by, v.adopted_at, v.meeting_id
  from protocol p
  join protocol_version v on v.protocol_id = p.id and v.version = p.current_version`;

const VERSION_COLUMNS = 'version, content, written_by, written_at, adopted_by, adopted_at, meeting_id';

const toVersion = (r: VersionRow): ProtocolVersion => ({
  version: r.version,
  content: r.content,
  writtenBy: r.written_by,
  writtenAt: r.written_at,
  adoptedBy: r.adopted_by,
  adoptedAt: r.adopted_at,
  meetingId: r.meeting_id,
});

const toProtocol = (r: ProtocolRow): Protocol => ({
  id: r.id,
  structureId: r.structure_id,
  status: r.status,
  currentVersion: r.current_version,
  current: toVersion(r),
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * Protocols and their versions. The protocol row carries the status and the task type of its current version (what
 * `protocol_adopted_per_type` is about); each version's content is kept as written, as jsonb. Each write is one
 * statement, so the protocol row and its current version never disagree, in a transaction or not.
 */
@Injectable()
export class TypeOrmProtocolRepository implements ProtocolRepository {
  constructor(private readonly db: DataSource) {}

  async insert(protocol: Protocol): Promise<void> {
    await this.adopting(() =>
      this.manager().query(
        `with inserted as (
           insert into protocol (id, structure_id, task_type, status, current_version, created_by, created_at, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8)
           returning id
         )
         insert into protocol_version (protocol_id, ${VERSION_COLUMNS})
         select id, $9::integer, $10::jsonb, $11::uuid, $12::timestamptz, $13::uuid, $14::timestamptz, $15::uuid
         from inserted`,
        [
          protocol.id,
          protocol.structureId,
          protocol.current.content.taskType,
          protocol.status,
          protocol.currentVersion,
          protocol.createdBy,
          protocol.createdAt,
          protocol.updatedAt,
          ...this.versionParams(protocol.current),
        ],
      ),
    );
  }

  async save(protocol: Protocol): Promise<void> {
    await this.adopting(() =>
      this.manager().query(
        `with written as (
           insert into protocol_version (protocol_id, ${VERSION_COLUMNS})
           values ($1, $5, $6, $7, $8, $9, $10, $11)
           on conflict (protocol_id, version) do update
             set content = excluded.content, written_by = excluded.written_by, written_at = excluded.written_at,
                 adopted_by = excluded.adopted_by, adopted_at = excluded.adopted_at, meeting_id = excluded.meeting_id
         )
         update protocol set task_type = $2, status = $3, current_version = $5, updated_at = $4 where id = $1`,
        [
          protocol.id,
          protocol.current.content.taskType,
          protocol.status,
          protocol.updatedAt,
          ...this.versionParams(protocol.current),
        ],
      ),
    );
  }

  async byId(protocolId: string, forUpdate = false): Promise<Protocol | null> {
    const manager = forUpdate ? requireActiveManager('Locking a protocol') : this.manager();
    const [row]: ProtocolRow[] = await manager.query(
      `${SELECT_CURRENT} where p.id = $1${forUpdate ? ' for update of p' : ''}`,
      [protocolId],
    );
    return row ? toProtocol(row) : null;
  }

  /** Adopted first, then drafts, then retired ones; by title within each. */
  async ofStructure(structureId: string): Promise<Protocol[]> {
    const rows: ProtocolRow[] = await this.manager().query(
      `${SELECT_CURRENT}
       where p.structure_id = $1
       order by array_position(array['adopted', 'draft', 'retired'], p.status), v.content ->> 'title', p.id`,
      [structureId],
    );
    return rows.map(toProtocol);
  }

  /** Newest first within each protocol. */
  async versionsOf(protocolIds: readonly string[]): Promise<Array<ProtocolVersion & { protocolId: string }>> {
    const rows: Array<VersionRow & { protocol_id: string }> = await this.manager().query(
      `select protocol_id, ${VERSION_COLUMNS} from protocol_version where protocol_id = any($1)
       order by protocol_id, version desc`,
      [protocolIds],
    );
    return rows.map((r) => ({ ...toVersion(r), protocolId: r.protocol_id }));
  }

  async version(protocolId: string, version: number): Promise<ProtocolVersion | null> {
    const [row]: VersionRow[] = await this.manager().query(
      `select ${VERSION_COLUMNS} from protocol_version where protocol_id = $1 and version = $2`,
      [protocolId, version],
    );
    return row ? toVersion(row) : null;
  }

  async adoptedFor(structureId: string, taskType: string): Promise<Protocol | null> {
    const [row]: ProtocolRow[] = await this.manager().query(
      `${SELECT_CURRENT} where p.structure_id = $1 and p.task_type = $2 and p.status = 'adopted'`,
      [structureId, taskType],
    );
    return row ? toProtocol(row) : null;
  }

  async isEmpty(): Promise<boolean> {
    const rows: unknown[] = await this.manager().query(`select 1 from protocol limit 1`);
    return rows.length === 0;
  }

  private versionParams(v: ProtocolVersion): unknown[] {
    return [v.version, JSON.stringify(v.content), v.writtenBy, v.writtenAt, v.adoptedBy, v.adoptedAt, v.meetingId];
  }

  /**
   * Two adoptions for one task type can both pass the handler's check; PostgreSQL lets one commit and refuses the
   * other, which the caller gets as the same refusal the check gives.
   */
  private async adopting<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (violatesUnique(error, ADOPTED_PER_TYPE))
        throw new DelegationError(
          DelegationErrorCode.ProtocolState,
          'input.protocolId: another protocol is already adopted for this task type',
          'input.protocolId',
        );
      throw error;
    }
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}
