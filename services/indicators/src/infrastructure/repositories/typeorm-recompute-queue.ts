import { Injectable } from '@nestjs/common';
import { requireActiveManager } from '@msp/persistence';
import { RecomputeQueue, type PendingRecompute } from '../../application/ports/recompute-queue';

@Injectable()
export class TypeOrmRecomputeQueue implements RecomputeQueue {
  /**
   * An existing mark is locked (a no-op update), never merely found: `take` skips locked rows, so a recompute cannot
   * consume the mark of a fact it cannot see yet and leave that fact's month announced without it. A mark a running
   * recompute already holds makes this wait for it, then insert a new one.
   */
  async mark(structureId: string, month: string): Promise<void> {
    await requireActiveManager('Marking a month to recompute').query(
      `insert into indicator_recompute_pending (structure_id, month) values ($1, $2)
       on conflict (structure_id, month) do update set marked_at = indicator_recompute_pending.marked_at`,
      [structureId, month],
    );
  }

  async markedMonths(structureId: string, fromMonth: string, toMonth: string): Promise<string[]> {
    const rows = await requireActiveManager('Reading the months to recompute').query<Array<{ month: string }>>(
      `select month from indicator_recompute_pending where structure_id = $1 and month between $2 and $3`,
      [structureId, fromMonth, toMonth],
    );
    return rows.map((r) => r.month);
  }

  /** A select over the delete: TypeORM answers a bare DELETE … RETURNING with [rows, count]. */
  async take(limit: number): Promise<PendingRecompute[]> {
    const rows = await requireActiveManager('Taking months to recompute').query<
      Array<{ structure_id: string; month: string }>
    >(
      `with taken as (
         delete from indicator_recompute_pending p
          where (p.structure_id, p.month) in (
            select structure_id, month from indicator_recompute_pending
             order by marked_at limit $1 for update skip locked)
         returning p.structure_id, p.month)
       select * from taken`,
      [limit],
    );
    return rows.map((r) => ({ structureId: r.structure_id, month: r.month }));
  }
}
