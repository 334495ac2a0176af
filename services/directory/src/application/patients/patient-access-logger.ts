import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UserContext } from '@msp/auth';
import { PatientAccessLogEntity, type PatientEntity } from '../../infrastructure/entities';

/** Writes who read which patient's identity, when and how: one row per patient, in the reading transaction. */
@Injectable()
export class PatientAccessLogger {
  async record(
    manager: EntityManager,
    user: UserContext,
    patients: readonly PatientEntity[],
    operation: string,
  ): Promise<void> {
    if (!patients.length) return;
    const at = new Date();
    await manager.insert(
      PatientAccessLogEntity,
      patients.map((p) => ({ at, memberId: user.memberId, patientId: p.id, structureId: p.structureId, operation })),
    );
  }
}
