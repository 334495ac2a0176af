import { Get, Param } from '@nestjs/common';
import { InternalApiController, InternalApiException } from '@msp/messaging';
import { CptsMembershipQuery } from '../../application/structures/cpts-membership.query';

/** Scheduling asks whether a structure is an MSP of a CPTS before its staff use the CPTS's SNP pool (SCH-4). */
@InternalApiController('', { callers: ['scheduling'] })
export class CptsInternalController {
  constructor(private readonly membership: CptsMembershipQuery) {}

  @Get('cpts/:cptsId/structures/:structureId')
  async memberStructure(@Param('cptsId') cptsId: string, @Param('structureId') structureId: string) {
    if (!(await this.membership.isMspOf(cptsId, structureId)))
      throw new InternalApiException(404, 'DIRECTORY.NOT_FOUND', 'No such MSP in this CPTS', 'structureId');
    return { cptsId, structureId };
  }
}
