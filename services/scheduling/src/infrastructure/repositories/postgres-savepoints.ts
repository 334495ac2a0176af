import { Injectable } from '@nestjs/common';
import { requireActiveManager } from '@msp/persistence';
import { Savepoints } from '../../application/ports/savepoints';

/**
 * One PostgreSQL savepoint per attempt. They may nest under one name: PostgreSQL keeps the outer one, and release or
 * rollback always address the most recent.
 */
@Injectable()
export class PostgresSavepoints implements Savepoints {
  async attempt<T>(work: () => Promise<T>): Promise<T> {
    const db = requireActiveManager('Trying under a savepoint');
    await db.query('savepoint attempt');
    try {
      const result = await work();
      await db.query('release savepoint attempt');
      return result;
    } catch (error) {
      await db.query('rollback to savepoint attempt');
      throw error;
    }
  }
}
