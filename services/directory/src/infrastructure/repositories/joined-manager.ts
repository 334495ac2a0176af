import type { DataSource, EntityManager } from 'typeorm';
import { activeManager } from '@msp/persistence';

/** The active transaction's manager when there is one, so writes commit with it; the pool otherwise. */
export function joinedManager(dataSource: DataSource): EntityManager {
  return activeManager() ?? dataSource.manager;
}
