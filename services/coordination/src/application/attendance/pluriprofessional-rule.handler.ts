import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { CoordinationError } from '../../domain/coordination-error';
import { assertUuid } from '../input-checks';
import { assertMember, inputStructureFor, PERMISSIONS } from '../permissions';
import { PluriprofessionalRules, type StructureRule } from '../ports/pluriprofessional-rules.repository';

export interface SetPluriprofessionalRuleInput {
  structureId: string;
  minProfessions: number;
  physicianRequired: boolean;
}

/**
 * COO-4: when a meeting of the structure counts as pluriprofessional. A new rule applies to attendance recorded from
 * then on; meetings already recorded keep their verdict (the ACI reads what was true when they were held).
 */
@Injectable()
export class PluriprofessionalRuleHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly rules: PluriprofessionalRules,
    private readonly clock: Clock,
  ) {}

  async of(user: UserContext, structureId: string): Promise<StructureRule> {
    const id = assertUuid(structureId, 'structureId');
    assertMember(user, id, CoordinationError.notFound('Structure', 'structureId'));
    return this.rules.of(id);
  }

  async set(user: UserContext, input: SetPluriprofessionalRuleInput): Promise<StructureRule> {
    const structureId = inputStructureFor(user, input.structureId, PERMISSIONS.manageSettings);
    if (!Number.isInteger(input.minProfessions) || input.minProfessions < 1 || input.minProfessions > 10)
      throw CoordinationError.invalid('input.minProfessions', 'must be a whole number from 1 to 10');
    if (typeof input.physicianRequired !== 'boolean')
      throw CoordinationError.invalid('input.physicianRequired', 'must be true or false');
    return this.transactions.run(async () => {
      await this.rules.set(
        structureId,
        { minProfessions: input.minProfessions, physicianRequired: input.physicianRequired },
        user.memberId,
        this.clock.now(),
      );
      return this.rules.of(structureId);
    });
  }
}
