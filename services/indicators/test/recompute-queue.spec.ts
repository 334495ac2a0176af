import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '@msp/persistence';
import { RecomputeQueue, type PendingRecompute } from '../src/application/ports/recompute-queue';
import { IndicatorsTestApp } from './fixtures/indicators-test-app';

/**
 * The marks between a kept fact and the recompute that announces its month, on the real database. The service's own
 * recompute job is held off (an hour between runs) so the spec alone takes marks.
 */
describe('months marked for recompute', () => {
  let app: IndicatorsTestApp;
  let queue: RecomputeQueue;
  let transactions: TransactionRunner;

  beforeAll(async () => {
    app = await IndicatorsTestApp.start('indicators_recompute_queue', {
      env: { INDICATORS_RECOMPUTE_INTERVAL_MS: '3600000' },
    });
    queue = app.get(RecomputeQueue);
    transactions = app.get(TransactionRunner);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  const take = () => transactions.run(() => queue.take(100));

  /** Runs `mark` in a transaction left open until the returned `commit` is called. */
  async function markInOpenTransaction(mark: PendingRecompute) {
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let marked!: () => void;
    const done = new Promise<void>((resolve) => (marked = resolve));
    const transaction = transactions.run(async () => {
      await queue.mark(mark.structureId, mark.month);
      marked();
      await committed;
    });
    await done;
    return { commit: async () => (commit(), await transaction) };
  }

  it('is not taken while the fact that marked it again is uncommitted, so its recompute cannot miss that fact', async () => {
    const month = { structureId: randomUUID(), month: '2026-11' };
    await transactions.run(() => queue.mark(month.structureId, month.month)); // an earlier fact's mark, committed
    const fact = await markInOpenTransaction(month);

    expect(await take()).not.toContainEqual(month);

    await fact.commit();
    expect(await take()).toContainEqual(month);
    expect(await take()).not.toContainEqual(month);
  });

  it('is marked anew when a fact comes while a recompute holds the month’s mark', async () => {
    const month = { structureId: randomUUID(), month: '2026-11' };
    await transactions.run(() => queue.mark(month.structureId, month.month));
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let taken!: (rows: PendingRecompute[]) => void;
    const takenRows = new Promise<PendingRecompute[]>((resolve) => (taken = resolve));
    const recompute = transactions.run(async () => {
      taken(await queue.take(100));
      await finished; // reading the month's facts, which cannot include the fact below
    });
    expect(await takenRows).toContainEqual(month);

    const fact = transactions.run(() => queue.mark(month.structureId, month.month));
    finish();
    await Promise.all([recompute, fact]);

    expect(await take()).toContainEqual(month);
  });
});
