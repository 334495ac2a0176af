import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { assertLocalDate } from '../../domain/local-date';
import { SchedulingError } from '../../domain/scheduling-error';
import { AgendaRepository } from '../../infrastructure/repositories/agenda.repository';
import {
  WaitlistRepository,
  type WaitlistEntry,
  type WaitlistOffer,
} from '../../infrastructure/repositories/waitlist.repository';
import { Clock } from '@msp/service-kit';
import { assertUuid } from '../input-checks';
import { PERMISSIONS } from '../permissions';

export interface JoinWaitlistInput {
  structureId: string;
  patientId: string;
  motifId: string;
  practitionerId?: string | null;
  profession?: string | null;
  /** YYYY-MM-DD: the patient wants a slot before this date (their current appointment's, or a deadline). */
  before: string;
}

export interface WaitlistView extends WaitlistEntry {
  offer: WaitlistOffer | null;
}

/** Staff put patients on the waitlist for an earlier slot, take them off, and see who waits (SCH-9). */
@Injectable()
export class WaitlistHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly waitlist: WaitlistRepository,
    private readonly agenda: AgendaRepository,
    private readonly clock: Clock,
  ) {}

  async join(user: UserContext, input: JoinWaitlistInput): Promise<WaitlistEntry> {
    const structureId = assertUuid(input.structureId, 'input.structureId');
    assertStructureAccess(user, structureId, PERMISSIONS.book);
    const patientId = assertUuid(input.patientId, 'input.patientId');
    const motifId = assertUuid(input.motifId, 'input.motifId');
    const practitionerId = input.practitionerId ? assertUuid(input.practitionerId, 'input.practitionerId') : null;
    const profession = input.profession?.trim() || null;
    if (!practitionerId && !profession)
      throw SchedulingError.invalid('input.practitionerId', 'give a practitioner or a profession');
    const before = assertLocalDate(input.before, 'input.before');
    if (before <= this.clock.now().toISOString().slice(0, 10))
      throw SchedulingError.invalid('input.before', 'must be a date after today');
    const motif = await this.agenda.motif(motifId);
    if (!motif || motif.structureId !== structureId) throw SchedulingError.notFound('Motif', 'input.motifId');
    if (practitionerId && !(await this.agenda.teamMember(practitionerId, structureId)))
      throw SchedulingError.notFound('Practitioner', 'input.practitionerId');
    return this.transactions.run(() =>
      this.waitlist.insertEntry(
        {
          id: randomUUID(),
          structureId,
          patientId,
          motifId,
          practitionerId,
          profession: practitionerId ? null : profession,
          before,
        },
        user.memberId,
      ),
    );
  }

  /** Takes a waiting patient off the list (one with an open offer answers it first). */
  leave(user: UserContext, entryId: string): Promise<WaitlistEntry> {
    const id = assertUuid(entryId, 'entryId');
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

  async list(user: UserContext, structureId: string): Promise<WaitlistView[]> {
    const id = assertUuid(structureId, 'structureId');
    assertStructureAccess(user, id, PERMISSIONS.book);
    const entries = await this.waitlist.entries(id);
    const offers = new Map((await this.waitlist.openOffers(entries.map((e) => e.id))).map((o) => [o.entryId, o]));
    return entries.map((entry) => ({ ...entry, offer: offers.get(entry.id) ?? null }));
  }
}
