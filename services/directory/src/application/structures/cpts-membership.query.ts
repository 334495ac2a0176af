import { Injectable } from '@nestjs/common';
import { StructureRepository } from '../ports/structure.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a structure is an MSP attached to a CPTS (its `cptsId`), for scheduling before an MSP's staff consult or
 * book the CPTS's pooled SNP slots. Asked at each booking rather than copied from events, so an MSP leaving the CPTS
 * stops booking at once. No for an unknown id, a CPTS, or an MSP of another CPTS alike.
 */
@Injectable()
export class CptsMembershipQuery {
  constructor(private readonly structures: StructureRepository) {}

  async isMspOf(cptsId: string, structureId: string): Promise<boolean> {
    if (!UUID.test(cptsId) || !UUID.test(structureId)) return false;
    const structure = await this.structures.findById(structureId);
    return structure?.kind === 'MSP' && structure.cptsId === cptsId;
  }
}
