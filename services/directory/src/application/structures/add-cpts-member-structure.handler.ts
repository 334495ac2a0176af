import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { DirectoryError, DirectoryErrorCode } from '../../domain/directory-error';
import { PERMISSIONS } from '../permissions';
import { StructureRepository } from '../ports/structure.repository';
import type { CreateStructureInput } from './create-structure.handler';
import { type OnboardedStructure, OnboardStructureHandler } from './onboard-structure.handler';

export interface AddCptsMemberStructureInput {
  cptsId: string;
  name: string;
  finess?: string | null;
  timeZone?: string | null;
  administrator: CreateStructureInput['administrator'];
}

/**
 * A CPTS's coordinator (or administrator) brings a member MSP onto the platform: the MSP is created attached to the
 * CPTS, with its first administrator, who then adds its team. It is the operator's onboarding, with the CPTS fixed
 * to the caller's: the MSP's pooled SNP bookings (SCH-4) follow from that attachment. Attaching an MSP that already
 * exists elsewhere is not offered: it takes the MSP's own consent, which no operation expresses yet.
 */
@Injectable()
export class AddCptsMemberStructureHandler {
  constructor(
    private readonly structures: StructureRepository,
    private readonly onboard: OnboardStructureHandler,
  ) {}

  async execute(user: UserContext, input: AddCptsMemberStructureInput): Promise<OnboardedStructure> {
    assertStructureAccess(
      user,
      input.cptsId,
      PERMISSIONS.manageCptsMembers,
      DirectoryError.notFound('CPTS', 'input.cptsId'),
    );
    const cpts = await this.structures.findById(input.cptsId);
    if (!cpts) throw DirectoryError.notFound('CPTS', 'input.cptsId');
    if (cpts.kind !== 'CPTS')
      throw new DirectoryError(
        DirectoryErrorCode.NotACpts,
        'input.cptsId: this structure is an MSP; only a CPTS has member MSPs',
        'input.cptsId',
      );
    return this.onboard.execute(user, { ...input, kind: 'MSP', cptsId: cpts.id });
  }
}
