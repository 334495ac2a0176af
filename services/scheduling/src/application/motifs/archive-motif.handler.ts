import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import type { Motif } from '../../domain/motif';
import { SchedulingError } from '../../domain/scheduling-error';
import { OpeningRangeChangesRepository } from '../ports/opening-range-changes.repository';
import { lockMotifForChange } from './motif-change';

export interface ArchiveMotifInput {
  motifId: string;
  version: number;
}

/**
 * Archives a motif: no longer offered for new bookings (staff, online, the virtual secretary), nor on the waitlist; its
 * appointments stay as they are and keep reading it. Archiving again is refused (the version moved on).
 */
@Injectable()
export class ArchiveMotifHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly changes: OpeningRangeChangesRepository,
    private readonly clock: Clock,
  ) {}

  execute(user: UserContext, input: ArchiveMotifInput): Promise<Motif> {
    return this.transactions.run(async () => {
      const motif = await lockMotifForChange(this.changes, user, input);
      if (motif.archivedAt) throw SchedulingError.invalid('input.motifId', 'this motif is already archived');
      const archived = { ...motif, archivedAt: this.clock.now() };
      await this.changes.updateMotif(archived);
      return { ...archived, version: (motif.version ?? 1) + 1 };
    });
  }
}
