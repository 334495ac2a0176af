import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { RulebookRepository, type RulebookVersion } from '../../application/ports/rulebook.repository';
import { CallRoutingError, CallRoutingErrorCode } from '../../domain/call-routing-error';
import type { RulebookScope } from '../../domain/rulebook/rulebook';
import { violatesUnique } from './unique-violation';

/** (scope, version) is the primary key: two publications based on the same version cannot both be appended. */
const VERSION_KEY = 'rulebook_version_pkey';

interface Row {
  structure_id: string;
  scope_kind: RulebookScope['kind'];
  scope_id: string;
  version: number;
  document: RulebookVersion['document'];
  changes: RulebookVersion['changes'];
  warnings: RulebookVersion['warnings'];
  author_id: string;
  created_at: Date;
}

const scopeId = (scope: RulebookScope): string => (scope.kind === 'site' ? scope.siteId : scope.practitionerId);

const scopeOf = (kind: RulebookScope['kind'], id: string): RulebookScope =>
  kind === 'site' ? { kind, siteId: id } : { kind, practitionerId: id };

const toVersion = (r: Row): RulebookVersion => ({
  structureId: r.structure_id,
  scope: scopeOf(r.scope_kind, r.scope_id),
  version: r.version,
  document: r.document,
  changes: r.changes,
  warnings: r.warnings,
  authorId: r.author_id,
  createdAt: r.created_at,
});

/** Rulebooks are append-only: each publication is a new version; the current one is the highest. */
@Injectable()
export class TypeOrmRulebookRepository implements RulebookRepository {
  constructor(private readonly db: DataSource) {}

  async current(scope: RulebookScope): Promise<RulebookVersion | null> {
    const [row]: Row[] = await this.manager().query(
      `select * from rulebook_version where scope_kind = $1 and scope_id = $2 order by version desc limit 1`,
      [scope.kind, scopeId(scope)],
    );
    return row ? toVersion(row) : null;
  }

  async currentOf(scopes: readonly RulebookScope[]): Promise<RulebookVersion[]> {
    if (scopes.length === 0) return [];
    const rows: Row[] = await this.manager().query(
      `select distinct on (r.scope_kind, r.scope_id) r.*
       from rulebook_version r
       join unnest($1::text[], $2::uuid[]) as s (kind, id) on r.scope_kind = s.kind and r.scope_id = s.id
       order by r.scope_kind, r.scope_id, r.version desc`,
      [scopes.map((s) => s.kind), scopes.map(scopeId)],
    );
    const byScope = new Map(rows.map((r) => [`${r.scope_kind}:${r.scope_id}`, toVersion(r)]));
    // In the order asked: the practitioner's rulebook is tried before the site's.
    return scopes.flatMap((s) => byScope.get(`${s.kind}:${scopeId(s)}`) ?? []);
  }

  async history(scope: RulebookScope, limit: number): Promise<RulebookVersion[]> {
    const rows: Row[] = await this.manager().query(
      `select * from rulebook_version where scope_kind = $1 and scope_id = $2 order by version desc limit $3`,
      [scope.kind, scopeId(scope), limit],
    );
    return rows.map(toVersion);
  }

  async version(scope: RulebookScope, version: number): Promise<RulebookVersion | null> {
    const [row]: Row[] = await this.manager().query(
      `select * from rulebook_version where scope_kind = $1 and scope_id = $2 and version = $3`,
      [scope.kind, scopeId(scope), version],
    );
    return row ? toVersion(row) : null;
  }

  async append(version: RulebookVersion): Promise<void> {
    try {
      await this.manager().query(
        `insert into rulebook_version
           (structure_id, scope_kind, scope_id, version, document, changes, warnings, author_id, created_at)
         values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8, $9)`,
        [
          version.structureId,
          version.scope.kind,
          scopeId(version.scope),
          version.version,
          JSON.stringify(version.document),
          JSON.stringify(version.changes),
          JSON.stringify(version.warnings),
          version.authorId,
          version.createdAt,
        ],
      );
    } catch (error) {
      if (violatesUnique(error, VERSION_KEY))
        throw new CallRoutingError(
          CallRoutingErrorCode.StaleRulebook,
          `Version ${version.version} of this rulebook was published meanwhile: review it first`,
          'input.basedOnVersion',
        );
      throw error;
    }
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}
