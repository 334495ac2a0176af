import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { ReplayGuard } from '../../application/ports/replay-guard';

/** Accepted webhook signatures, by primary key: of two identical requests racing, exactly one inserts. */
@Injectable()
export class PostgresReplayGuard implements ReplayGuard {
  constructor(private readonly db: DataSource) {}

  async remember(signature: string, expiresAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.manager().query(
      `insert into webhook_replay (signature, expires_at) values ($1, $2) on conflict (signature) do nothing
       returning signature`,
      [signature, expiresAt],
    );
    return rows.length === 1;
  }

  async forgetExpired(now: Date): Promise<number> {
    const [, deleted]: [unknown[], number] = await this.manager().query(
      `delete from webhook_replay where expires_at <= $1`,
      [now],
    );
    return deleted;
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}
