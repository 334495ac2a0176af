import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource } from 'typeorm';
import type { ConcertationMeeting } from '../../domain/aci-concertation';
import { ConcertationRepository } from '../../application/ports/concertation.repository';

interface Row {
  id: string;
  kind: ConcertationMeeting['kind'];
  status: ConcertationMeeting['status'];
  starts_at: Date;
  pluriprofessional: boolean | null;
  minutes_closed_at: Date | null;
  patient_ids: string[];
}

@Injectable()
export class TypeOrmConcertationRepository implements ConcertationRepository {
  constructor(private readonly db: DataSource) {}

  /** One statement for the year: a structure holds a few dozen meetings, each a handful of cases. */
  async meetingsBetween(structureId: string, from: Date, to: Date): Promise<ConcertationMeeting[]> {
    const rows: Row[] = await (activeManager() ?? this.db.manager).query(
      `select m.id, m.kind, m.status, m.starts_at, m.pluriprofessional, m.minutes_closed_at,
              coalesce(array_agg(c.patient_id order by c.position) filter (where c.id is not null), '{}') as patient_ids
       from meeting m left join meeting_case c on c.meeting_id = m.id
       where m.structure_id = $1 and m.starts_at >= $2 and m.starts_at < $3 and m.status <> 'cancelled'
       group by m.id order by m.starts_at, m.id`,
      [structureId, from, to],
    );
    return rows.map((r) => ({
      meetingId: r.id,
      kind: r.kind,
      status: r.status,
      startsAt: r.starts_at,
      pluriprofessional: r.pluriprofessional,
      minutesClosedAt: r.minutes_closed_at,
      patientIds: r.patient_ids,
    }));
  }
}
