import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadinessCheck } from './readiness-check';

/**
 * Pings the application's TypeORM `DataSource`. Opt-in: list it in `ObservabilityModule.forRoot({ readinessChecks })`
 * and the module provides it, resolving `DataSource` from a global module (`TypeOrmModule.forRoot` registers one).
 * Services without a database simply never list it.
 */
@Injectable()
export class DatabaseReadinessCheck implements ReadinessCheck {
  readonly name = 'database';

  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<void> {
    if (!this.dataSource.isInitialized) throw new Error('the database connection is not initialised');
    await this.dataSource.query('SELECT 1');
  }
}
