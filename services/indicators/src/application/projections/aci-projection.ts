import { Injectable } from '@nestjs/common';
import type { EventPayloads } from '@msp/contracts';
import { AciFactsRepository } from '../ports/aci-facts.repository';

type P<K extends keyof EventPayloads> = EventPayloads[K];

/**
 * The facts the ACI criteria add to the activity: cases reviewed (opaque patient ids) and protocols retired. Order-safe
 * upserts, so a replay or a rebuild ends on the same rows; the criteria are computed from them when asked.
 */
@Injectable()
export class AciProjection {
  constructor(private readonly facts: AciFactsRepository) {}

  caseReviewed(data: P<'coordination.case.reviewed.v1'>): Promise<void> {
    return this.facts.upsertCaseReview({
      caseId: data.caseId,
      meetingId: data.meetingId,
      structureId: data.structureId,
      patientId: data.patientId,
      pluriprofessional: data.pluriprofessional,
      reviewedAt: new Date(data.reviewedAt),
    });
  }

  protocolRetired(data: P<'delegation.protocol.retired.v1'>): Promise<void> {
    return this.facts.upsertProtocolRetirement(data.protocolId, data.structureId, new Date(data.retiredAt));
  }
}
