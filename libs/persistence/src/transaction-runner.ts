import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from './transaction-context';

/**
 * Injectable face of `inTransaction` for application handlers. The work gets no EntityManager: repositories join the
 * active transaction themselves (`activeManager()`), so application code never touches TypeORM. Like `inTransaction`,
 * the outermost run is run again after a deadlock or serialization failure.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, () => work());
  }
}
