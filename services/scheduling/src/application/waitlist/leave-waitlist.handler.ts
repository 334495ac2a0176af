import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { SchedulingError } from '../../domain/scheduling-error';
import { assertUuid } from '../input-checks';
import { PERMISSIONS } from '../permissions';
import { WaitlistRepository, type WaitlistEntry } from '../ports/waitlist.repository';

/** Takes a waiting patient off the list (one with an open offer answers it first). */
@Injectable()
export class LeaveWaitlistHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly waitlist: WaitlistRepository,
  ) {}

  execute(user: UserContext, input: { entryId: string }): Promise<WaitlistEntry> {
    const id = assertUuid(input.entryId, 'entryId');
    return this.transactions.run(async () => {
      const entry = await this.waitlist.lockEntry(id);
      if (!entry) throw SchedulingError.notFound('Waitlist entry', 'entryId');
      assertStructureAccess(
        user,
        entry.structureId,
        PERMISSIONS.book,
        SchedulingError.notFound('Waitlist entry', 'entryId'),
      );
      if (entry.status !== 'waiting') throw SchedulingError.invalidTransition(entry.status, 'withdrawn');
      await this.waitlist.setEntryStatus(id, 'withdrawn');
      return { ...entry, status: 'withdrawn' };
    });
  }
}
