import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase, uniqueSuffix } from '@msp/testing';
import { concurrencyFailureOf, createDataSource, requireActiveManager, TransactionRunner } from '../src';

/** Like scheduling's appointment_no_overlap: one key's ranges never overlap. */
const SCHEMA = [
  'create extension if not exists btree_gist',
  `create table booking (
     key text not null,
     during tstzrange not null,
     owner text not null,
     constraint booking_no_overlap exclude using gist (key with =, during with &&))`,
];
const MORNING = '[2030-01-07 09:00Z, 2030-01-07 10:00Z)';

const raiseSerializationFailure = (db: EntityManager) =>
  db.query(`do $$ begin raise exception 'could not serialize access' using errcode = '40001'; end $$`);

/** Resolves for everyone once `parties` callers have arrived. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const everyone = new Promise<void>((resolve) => (release = resolve));
  return () => {
    if (++arrived === parties) release();
    return everyone;
  };
}

describe('a transaction rolled back by a deadlock or serialization failure is run again (real PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let transactions: TransactionRunner;

  beforeAll(async () => {
    database = await createTestDatabase('transaction_retry');
    ds = await createDataSource({ url: database.url, entities: [], migrations: [] }).initialize();
    for (const statement of SCHEMA) await ds.query(statement);
    transactions = new TransactionRunner(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await database?.drop();
  });

  const insert = (db: EntityManager, key: string, owner: string) =>
    db.query('insert into booking (key, during, owner) values ($1, $2, $3)', [key, MORNING, owner]);

  /** Waits until the backend `pid` is blocked on a lock: the first side is now waiting on the second. */
  async function untilBlocked(pid: number): Promise<void> {
    for (const deadline = Date.now() + 5_000; Date.now() < deadline; await sleep(10)) {
      const [{ blockers }] = await ds.query('select cardinality(pg_blocking_pids($1)) as blockers', [pid]);
      if (blockers > 0) return;
    }
    throw new Error(`backend ${pid} never blocked`);
  }

  /**
   * Two transactions each take the same morning on one key, then reach for the other's key: each waits for the other,
   * and PostgreSQL breaks the cycle with 40P01 for one of them. `open` starts each side's transaction; the choreography
   * runs on each side's first attempt only, a retry just inserts.
   */
  async function crossedBookings(open: (work: (db: EntityManager) => Promise<void>) => Promise<void>) {
    const [a, b] = [`a-${uniqueSuffix()}`, `b-${uniqueSuffix()}`];
    const bothHoldTheirKey = barrier(2);
    let firstPid = 0;
    const attempts = { first: 0, second: 0 };
    const side = (name: 'first' | 'second', mine: string, theirs: string) => async (db: EntityManager) => {
      attempts[name]++;
      await db.query(`set local deadlock_timeout = '100ms'`);
      await insert(db, mine, name);
      if (attempts[name] === 1) {
        if (name === 'first') firstPid = (await db.query('select pg_backend_pid() as pid'))[0].pid;
        await bothHoldTheirKey();
        if (name === 'second') await untilBlocked(firstPid);
      }
      await insert(db, theirs, name);
    };
    const outcomes = await Promise.allSettled([open(side('first', a, b)), open(side('second', b, a))]);
    const [winner, loser] =
      outcomes[0].status === 'fulfilled' ? (['first', 'second'] as const) : (['second', 'first'] as const);
    const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    const rows = await ds.query('select key, owner from booking where key in ($1, $2) order by key', [a, b]);
    return { failures, winner, loser, attempts, rows, a, b };
  }

  it('provokes a real deadlock: without the retry, one side of two crossed bookings fails with 40P01', async () => {
    const { failures, winner, rows, a, b } = await crossedBookings((work) => ds.transaction(work));
    expect(failures).toHaveLength(1);
    expect(concurrencyFailureOf(failures[0].reason)).toBe('40P01');
    expect(rows).toEqual([
      { key: a, owner: winner },
      { key: b, owner: winner },
    ]);
  });

  it('runs the deadlock loser again, which then meets the real outcome: the winner holds the time (23P01)', async () => {
    const { failures, winner, loser, attempts, rows, a, b } = await crossedBookings((work) =>
      transactions.run(() => work(requireActiveManager('booking'))),
    );
    expect(failures).toHaveLength(1);
    expect(failures[0].reason).toMatchObject({ driverError: { code: '23P01', constraint: 'booking_no_overlap' } });
    expect(attempts[loser]).toBe(2); // the deadlock retried once; the exclusion violation is an answer, not retried
    expect(attempts[winner]).toBe(1);
    expect(rows).toEqual([
      { key: a, owner: winner },
      { key: b, owner: winner },
    ]);
  });

  it('retries a serialization failure and commits the second attempt, with a warning naming the SQLSTATE', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const key = `s-${uniqueSuffix()}`;
    let attempts = 0;
    try {
      await transactions.run(async () => {
        const db = requireActiveManager('booking');
        await insert(db, key, 'retried');
        if (++attempts === 1) await raiseSerializationFailure(db);
      });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toContain('SQLSTATE 40001');
      expect(warn.mock.calls[0][0]).not.toContain(key);
    } finally {
      warn.mockRestore();
    }
    expect(attempts).toBe(2);
    expect(await ds.query('select owner from booking where key = $1', [key])).toEqual([{ owner: 'retried' }]);
  });

  it('gives up after 3 attempts in all and reports the serialization failure itself, having committed nothing', async () => {
    const key = `g-${uniqueSuffix()}`;
    let attempts = 0;
    const failure = await transactions
      .run(async () => {
        attempts++;
        const db = requireActiveManager('booking');
        await insert(db, key, 'never');
        await raiseSerializationFailure(db);
      })
      .catch((error: unknown) => error);
    expect(concurrencyFailureOf(failure)).toBe('40001');
    expect(attempts).toBe(3);
    expect(await ds.query('select 1 from booking where key = $1', [key])).toEqual([]);
  });

  it('retries the outermost transaction only: a nested run joins it and is run again with it, never on its own', async () => {
    const innerRunsPerOuterAttempt: number[] = [];
    await transactions.run(async () => {
      innerRunsPerOuterAttempt.push(0);
      const outerAttempt = innerRunsPerOuterAttempt.length;
      await transactions.run(async () => {
        innerRunsPerOuterAttempt[outerAttempt - 1]++;
        if (outerAttempt === 1) await raiseSerializationFailure(requireActiveManager('nested'));
      });
    });
    expect(innerRunsPerOuterAttempt).toEqual([1, 1]);
  });
});
