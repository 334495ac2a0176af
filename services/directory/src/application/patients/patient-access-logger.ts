import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { Clock } from '@msp/service-kit';
import { PatientAccessLogRepository } from '../ports/patient-access-log.repository';
import type { Patient } from '../ports/patient.repository';

/** Writes who read which patient's identity, when and how: one row per patient, in the reading transaction. */
@Injectable()
export class PatientAccessLogger {
  constructor(
    private readonly clock: Clock,
    private readonly log: PatientAccessLogRepository,
  ) {}

  async record(
    reader: Pick<UserContext, 'memberId'>,
    patients: ReadonlyArray<Pick<Patient, 'id' | 'structureId'>>,
    operation: string,
  ): Promise<void> {
    if (!patients.length) return;
    const at = this.clock.now();
    await this.log.append(
      patients.map((p) => ({ at, memberId: reader.memberId, patientId: p.id, structureId: p.structureId, operation })),
    );
  }
}
