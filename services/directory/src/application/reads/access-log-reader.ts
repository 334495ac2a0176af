import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { PatientAccessLogEntity } from '../../infrastructure/entities';
import { PERMISSIONS } from '../permissions';

export interface AccessLogFilter {
  structureId: string;
  patientId?: string | null;
  memberId?: string | null;
  limit?: number | null;
}

/** Administrators audit who read which patient (RGPD / secret médical traceability). */
@Injectable()
export class AccessLogReader {
  constructor(private readonly db: DataSource) {}

  entries(user: UserContext, filter: AccessLogFilter): Promise<PatientAccessLogEntity[]> {
    assertStructureAccess(user, filter.structureId, PERMISSIONS.readAccessLog);
    const where: Partial<PatientAccessLogEntity> = { structureId: filter.structureId };
    if (filter.patientId) where.patientId = filter.patientId;
    if (filter.memberId) where.memberId = filter.memberId;
    return this.db.getRepository(PatientAccessLogEntity).find({
      where,
      order: { at: 'DESC', id: 'DESC' },
      take: Math.min(Math.max(filter.limit ?? 100, 1), 500),
    });
  }
}
