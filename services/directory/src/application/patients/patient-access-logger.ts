import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { Clock } from '@msp/service-kit';
import type { ServiceActor } from '../actor';
import { PatientAccessLogRepository } from '../ports/patient-access-log.repository';
import type { Patient } from '../ports/patient.repository';

/**
 * The access log's "who" when no member reads (online booking's self-service, a platform service): the nil UUID, with
 * an operation `<channel>:<what>` naming who did and what.
 */
export const NO_MEMBER = '00000000-0000-0000-0000-000000000000';

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

  /**
   * A platform service read the structure's patients as a whole (counts and opaque ids, no identity): one row naming
   * no patient, `<service>:<what>`, so administrators see that and when the population left the directory.
   */
  async recordServiceRead(service: ServiceActor, structureId: string, what: string): Promise<void> {
    await this.log.append([
      {
        at: this.clock.now(),
        memberId: NO_MEMBER,
        patientId: null,
        structureId,
        operation: `${service.service}:${what}`,
      },
    ]);
  }
}
