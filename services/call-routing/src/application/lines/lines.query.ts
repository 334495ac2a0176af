import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { CallRoutingError } from '../../domain/call-routing-error';
import { assertUuid } from '../input-checks';
import { LineRepository, type PhoneLine } from '../ports/line.repository';

/** The structure's live lines: every member may see which numbers ring where. */
@Injectable()
export class LinesQuery {
  constructor(private readonly lines: LineRepository) {}

  async ofStructure(user: UserContext, structureId: string): Promise<PhoneLine[]> {
    const id = assertUuid(structureId, 'structureId');
    assertStructureAccess(user, id, undefined, CallRoutingError.notFound('Structure', 'structureId'));
    return this.lines.ofStructure(id);
  }
}
