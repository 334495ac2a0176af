/**
 * `adoption(protocol_id, adopted_at)` of a structure ($1): each pluriprofessional protocol once, at its earliest
 * adoption — by delegation, or named by a decision of a meeting's minutes; one delegation knows as not
 * pluriprofessional does not count. Shared by the operational count (adopted in the period) and the ACI's (in force).
 */
export const PROTOCOL_ADOPTION_CTE = `adoption as (
  select protocol_id, min(at) as adopted_at from (
    select protocol_id, adopted_at as at from protocol_fact
     where structure_id = $1 and adopted_at is not null and pluriprofessional
    union all
    select d.protocol_id, d.recorded_at from protocol_decision_fact d
      left join protocol_fact p on p.protocol_id = d.protocol_id
     where d.structure_id = $1 and coalesce(p.pluriprofessional, true)
  ) facts group by protocol_id)`;
