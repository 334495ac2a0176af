import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { PublicRateLimitCounters } from '../../application/ports/public-rate-limit.port';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * @nestjs/throttler's storage in PostgreSQL, so that every replica counts against the same budget: one fixed window
 * per key, counted by a single atomic upsert (a window that ended starts again at 1). The key names the client
 * address; only its hash is stored. The database's clock decides the windows, whichever replica asks.
 */
@Injectable()
export class PostgresThrottlerStorage extends PublicRateLimitCounters implements ThrottlerStorage {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    _throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const rows: Array<{ hits: number; ms_left: number }> = await this.dataSource.query(
      `insert into public_rate_limit as w (key, hits, window_ends_at)
       values ($1, 1, clock_timestamp() + $2 * interval '1 millisecond')
       on conflict (key) do update set
         hits = case when w.window_ends_at <= clock_timestamp() then 1 else w.hits + 1 end,
         window_ends_at = case when w.window_ends_at <= clock_timestamp() then excluded.window_ends_at
                               else w.window_ends_at end
       returning hits, greatest(0, ceil(extract(epoch from w.window_ends_at - clock_timestamp()) * 1000))::int as ms_left`,
      [createHash('sha256').update(key).digest('hex'), ttl],
    );
    const { hits, ms_left: msLeft } = rows[0];
    const isBlocked = hits > limit;
    const secondsLeft = Math.ceil(msLeft / 1000);
    return {
      totalHits: hits,
      timeToExpire: secondsLeft,
      isBlocked,
      // Blocked until the window ends (blockDuration is the window's length here: both default to the ttl).
      timeToBlockExpire: isBlocked ? Math.ceil(Math.min(msLeft, blockDuration) / 1000) : 0,
    };
  }

  async dropEnded(now: Date): Promise<void> {
    await this.dataSource.query(`delete from public_rate_limit where window_ends_at < $1`, [now]);
  }
}
