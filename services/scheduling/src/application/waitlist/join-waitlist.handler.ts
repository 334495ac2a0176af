import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { assertLocalDate } from '../../domain/local-date';
import { assertOfferable } from '../../domain/motif';
import { SchedulingError } from '../../domain/scheduling-error';
import { StructurePatientCheck } from '../booking/structure-patient.check';
import { assertUuid } from '../input-checks';
import { PERMISSIONS } from '../permissions';
import { AgendaRepository } from '../ports/agenda.repository';
import { WaitlistRepository, type WaitlistEntry } from '../ports/waitlist.repository';

export interface JoinWaitlistInput {
  structureId: string;
  patientId: string;
  motifId: string;
  practitionerId?: string | null;
  profession?: string | null;
  /** YYYY-MM-DD: the patient wants a slot before this date (their current appointment's, or a deadline). */
  before: string;
}

/** Staff put a patient on the waitlist for an earlier slot with a practitioner, or any of a profession (SCH-9). */
@Injectable()
export class JoinWaitlistHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly waitlist: WaitlistRepository,
    private readonly agenda: AgendaRepository,
    private readonly clock: Clock,
    private readonly patients: StructurePatientCheck,
  ) {}

  async execute(user: UserContext, input: JoinWaitlistInput): Promise<WaitlistEntry> {
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
    assertOfferable(motif, 'input.motifId');
    if (practitionerId && !(await this.agenda.teamMember(practitionerId, structureId)))
      throw SchedulingError.notFound('Practitioner', 'input.practitionerId');
    await this.patients.assertPatientOf(structureId, patientId);
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
}
