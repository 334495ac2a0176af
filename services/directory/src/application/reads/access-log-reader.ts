import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { PERMISSIONS } from '../permissions';
import { type PatientAccessEntry, PatientAccessLogRepository } from '../ports/patient-access-log.repository';

export interface AccessLogFilter {
  structureId: string;
  patientId?: string | null;
  memberId?: string | null;
  limit?: number | null;
}

/** Administrators audit who read which patient (RGPD / secret médical traceability). */
@Injectable()
export class AccessLogReader {
  constructor(private readonly log: PatientAccessLogRepository) {}

  async entries(user: UserContext, filter: AccessLogFilter): Promise<PatientAccessEntry[]> {
    assertStructureAccess(user, filter.structureId, PERMISSIONS.readAccessLog);
    return this.log.list({
      structureId: filter.structureId,
      patientId: filter.patientId,
      memberId: filter.memberId,
      limit: Math.min(Math.max(filter.limit ?? 100, 1), 500),
    });
  }
}
