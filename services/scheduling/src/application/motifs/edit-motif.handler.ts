import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { createMotif, type Motif, type MotifDraft } from '../../domain/motif';
import { SchedulingError } from '../../domain/scheduling-error';
import { OpeningRangeChangesRepository } from '../ports/opening-range-changes.repository';
import { lockMotifForChange } from './motif-change';

/** What an edit may change of a motif; what is not given stays as it was. Its structure and owner never change. */
export type MotifEdits = {
  [
    K in
      | 'label'
      | 'durationMinutes'
      | 'channel'
      | 'bookableBy'
      | 'newPatientsAllowed'
      | 'bufferAfterMinutes'
      | 'minNoticeMinutes'
      | 'maxHorizonDays'
  ]?: MotifDraft[K] | null;
};

export interface EditMotifInput extends MotifEdits {
  motifId: string;
  /** The version the client read: an edit made meanwhile refuses this one. */
  version: number;
}

/**
 * Changes a motif for the bookings to come. Appointments already booked keep their own times (their end was fixed when
 * booked): a longer duration never pushes them, a shorter one never frees their time.
 */
@Injectable()
export class EditMotifHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly changes: OpeningRangeChangesRepository,
  ) {}

  execute(user: UserContext, input: EditMotifInput): Promise<Motif> {
    return this.transactions.run(async () => {
      const motif = await lockMotifForChange(this.changes, user, input);
      if (motif.archivedAt) throw SchedulingError.invalid('input.motifId', 'this motif is archived');
      const given = (Object.keys(input) as Array<keyof EditMotifInput>).filter(
        (key) => key !== 'motifId' && key !== 'version' && input[key] !== undefined && input[key] !== null,
      );
      if (!given.length) throw SchedulingError.invalid('input', 'gives nothing to change');
      const edited = createMotif({
        id: motif.id,
        structureId: motif.structureId,
        practitionerId: motif.practitionerId,
        label: input.label ?? motif.label,
        durationMinutes: input.durationMinutes ?? motif.durationMinutes,
        channel: input.channel ?? motif.channel,
        bookableBy: input.bookableBy ?? motif.bookableBy,
        newPatientsAllowed: input.newPatientsAllowed ?? motif.newPatientsAllowed,
        bufferAfterMinutes: input.bufferAfterMinutes ?? motif.bufferAfterMinutes,
        minNoticeMinutes: input.minNoticeMinutes ?? motif.minNoticeMinutes,
        maxHorizonDays: input.maxHorizonDays ?? motif.maxHorizonDays,
      });
      await this.changes.updateMotif({ ...edited, archivedAt: null });
      return { ...edited, version: (motif.version ?? 1) + 1, archivedAt: null };
    });
  }
}
