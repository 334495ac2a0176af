import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { requireActiveManager, TransactionRunner } from '@msp/persistence';
import { createMotif, type MotifDraft } from '../../domain/motif';
import { SchedulingError } from '../../domain/scheduling-error';
import type { MotifEntity } from '../../infrastructure/entities/motif.entity';
import { motifToEntity } from '../../infrastructure/mappers/motif.mapper';
import { AgendaRepository } from '../../infrastructure/repositories/agenda.repository';
import { assertUuid } from '../input-checks';
import { assertMayManage, PERMISSIONS } from '../permissions';

export type CreateMotifInput = Omit<MotifDraft, 'id'>;

/** A consultation type for the whole structure, or for one practitioner (who may create their own). */
@Injectable()
export class CreateMotifHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly agenda: AgendaRepository,
  ) {}

  async execute(user: UserContext, input: CreateMotifInput): Promise<MotifEntity> {
    const structureId = assertUuid(input.structureId, 'input.structureId');
    const practitionerId = input.practitionerId ? assertUuid(input.practitionerId, 'input.practitionerId') : null;
    assertMayManage(user, structureId, PERMISSIONS.manageMotifs, practitionerId);
    const motif = createMotif({ ...input, id: randomUUID(), structureId, practitionerId });
    if (practitionerId && !(await this.agenda.teamMember(practitionerId, structureId)))
      throw SchedulingError.notFound('Practitioner', 'input.practitionerId');
    return this.transactions.run(() => requireActiveManager('Creating a motif').save(motifToEntity(motif)));
  }
}
