import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { AciFactsRepository, type CaseReviewFact } from '../../application/ports/aci-facts.repository';
import { PROTOCOL_ADOPTION_CTE } from './protocol-adoption.sql';

/** A structure-wide fact has no site: its dates are read in the zone of the structure's first site (Paris if none). */
const structureZone = `coalesce((select time_zone from site_zone where structure_id = $1 order by site_id limit 1),
                               'Europe/Paris')`;
const localDate = (column: string) => `(${column} at time zone ${structureZone})::date`;

@Injectable()
export class TypeOrmAciFactsRepository implements AciFactsRepository {
  constructor(private readonly db: DataSource) {}

  async upsertCaseReview(fact: CaseReviewFact): Promise<void> {
    await this.manager().query(
      `insert into case_review_fact (case_id, structure_id, meeting_id, patient_id, pluriprofessional, reviewed_at)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (case_id) do update
         set meeting_id = excluded.meeting_id, patient_id = excluded.patient_id,
             pluriprofessional = excluded.pluriprofessional, reviewed_at = excluded.reviewed_at
         where case_review_fact.reviewed_at <= excluded.reviewed_at`,
      [fact.caseId, fact.structureId, fact.meetingId, fact.patientId, fact.pluriprofessional, fact.reviewedAt],
    );
  }

  async upsertProtocolRetirement(protocolId: string, structureId: string, at: Date): Promise<void> {
    await this.manager().query(
      `insert into protocol_retirement_fact (protocol_id, structure_id, retired_at) values ($1, $2, $3)
       on conflict (protocol_id) do update set retired_at = excluded.retired_at
         where protocol_retirement_fact.retired_at <= excluded.retired_at`,
      [protocolId, structureId, at],
    );
  }

  async protocolsInForce(structureId: string, from: string, to: string): Promise<number> {
    // The same adoption as OPS-PROTOCOLS-ADOPTED (delegation's, or a decision naming the protocol), counted as held
    // rather than as adopted in the period: the ACI pays for the protocols the structure has.
    const [row] = await this.manager().query<Array<{ count: string }>>(
      `with ${PROTOCOL_ADOPTION_CTE}
       select count(*) from adoption a left join protocol_retirement_fact r on r.protocol_id = a.protocol_id
        where ${localDate('a.adopted_at')} <= $3::date
          and (r.retired_at is null or ${localDate('r.retired_at')} >= $2::date)`,
      [structureId, from, to],
    );
    return Number(row.count);
  }

  async patientsReviewed(structureId: string, from: string, to: string): Promise<string[]> {
    const rows = await this.manager().query<Array<{ patient_id: string }>>(
      `select distinct patient_id from case_review_fact
        where structure_id = $1 and pluriprofessional
          and ${localDate('reviewed_at')} between $2::date and $3::date
        order by patient_id`,
      [structureId, from, to],
    );
    return rows.map((r) => r.patient_id);
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}
