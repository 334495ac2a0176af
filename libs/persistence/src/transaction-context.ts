import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

const current = new AsyncLocalStorage<EntityManager>();

/**
 * Runs `work` in one database transaction that every repository and the outbox join through `activeManager`: a state
 * change and the events it records commit together or not at all. Nested calls join the outer transaction.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const outer = current.getStore();
  if (outer) return work(outer);
  return dataSource.transaction((manager) => current.run(manager, () => work(manager)));
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
