import { Injectable } from '@nestjs/common';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import { requireActiveManager } from '@msp/persistence';
import {
  type AccessLogQuery,
  type PatientAccessEntry,
  PatientAccessLogRepository,
} from '../../application/ports/patient-access-log.repository';
import { PatientAccessLogEntity } from '../entities';
import { joinedManager } from './joined-manager';

const toEntry = (e: PatientAccessLogEntity): PatientAccessEntry => ({
  id: e.id,
  at: e.at,
  memberId: e.memberId,
  patientId: e.patientId,
  structureId: e.structureId,
  operation: e.operation,
});

@Injectable()
export class TypeOrmPatientAccessLogRepository implements PatientAccessLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(entries: ReadonlyArray<Omit<PatientAccessEntry, 'id'>>): Promise<void> {
    // Outside a transaction a read could be returned while its trace is lost: refuse instead.
    const manager = requireActiveManager('Writing the patient access log');
    if (!entries.length) return;
    // One statement with one array per column, however many patients a view shows: a multi-row insert through the
    // ORM would bind five parameters per row and read every generated id back.
    await manager.query(
      `insert into patient_access_log (at, member_id, patient_id, structure_id, operation)
       select * from unnest($1::timestamptz[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[])`,
      [
        entries.map((e) => e.at),
        entries.map((e) => e.memberId),
        entries.map((e) => e.patientId),
        entries.map((e) => e.structureId),
        entries.map((e) => e.operation),
      ],
    );
  }

  async list(query: AccessLogQuery): Promise<PatientAccessEntry[]> {
    const where: FindOptionsWhere<PatientAccessLogEntity> = { structureId: query.structureId };
    if (query.patientId) where.patientId = query.patientId;
    if (query.memberId) where.memberId = query.memberId;
    const found = await joinedManager(this.dataSource)
      .getRepository(PatientAccessLogEntity)
      .find({ where, order: { at: 'DESC', id: 'DESC' }, take: query.limit });
    return found.map(toEntry);
  }
}
