import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { concurrencyFailureOf } from './concurrency-failure';

const current = new AsyncLocalStorage<EntityManager>();

/** Attempts in all: contention that outlasts two retries is load to report, not to hide. */
const MAX_ATTEMPTS = 3;
/** Retry n waits 10–30 ms × 2^(n-1): jittered, so that the two sides of a deadlock do not meet again. */
const BACKOFF_MS = 20;

const logger = new Logger('Transaction');

/**
 * Runs `work` in one database transaction that every repository and the outbox join through `activeManager`: a state
 * change and the events it records commit together or not at all. Nested calls join the outer transaction.
 *
 * When PostgreSQL rolls the transaction back for a deadlock or a serialization failure, the whole `work` runs again in
 * a new transaction (at most 3 attempts in all), so the caller gets the real outcome of its work rather than the
 * accident of its timing; after the last attempt the error propagates. Only the outermost call retries: a nested one
 * cannot, its transaction is the outer one's. `work` must therefore be safe to run again: database writes are, being
 * rolled back; anything else it does (a call to another service) happens once per attempt.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const outer = current.getStore();
  if (outer) return work(outer);
  return retryingConcurrencyFailures(() =>
    dataSource.transaction((manager) => current.run(manager, () => work(manager))),
  );
}

async function retryingConcurrencyFailures<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      const sqlState = concurrencyFailureOf(error);
      if (!sqlState || attempt === MAX_ATTEMPTS) throw error;
      const delay = Math.round(BACKOFF_MS * 2 ** (attempt - 1) * (0.5 + Math.random()));
      logger.warn(
        `Transaction rolled back by PostgreSQL (SQLSTATE ${sqlState}); attempt ${attempt + 1}/${MAX_ATTEMPTS} in ${delay} ms`,
      );
      await sleep(delay);
    }
  }
}

/** The transaction's manager when inside `inTransaction`, undefined otherwise. */
export function activeManager(): EntityManager | undefined {
  return current.getStore();
}

export class NoActiveTransactionError extends Error {
  constructor(operation: string) {
    super(`${operation} must run inside inTransaction(): its write has to commit with the state change`);
    this.name = 'NoActiveTransactionError';
  }
}

export function requireActiveManager(operation: string): EntityManager {
  const manager = current.getStore();
  if (!manager) throw new NoActiveTransactionError(operation);
  return manager;
}
