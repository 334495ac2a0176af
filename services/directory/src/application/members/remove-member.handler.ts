import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryError } from '../../domain/directory-error';
import { MembershipRepository } from '../ports/membership.repository';
import { PERMISSIONS } from '../permissions';

export interface RemoveMemberInput {
  memberId: string;
  structureId: string;
}

/** Ends a membership (history is kept); delegates whose referent leaves must be given another one first. */
@Injectable()
export class RemoveMemberHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly memberships: MembershipRepository,
  ) {}

  async execute(user: UserContext, input: RemoveMemberInput): Promise<boolean> {
    assertStructureAccess(user, input.structureId, PERMISSIONS.manageMembers);
    return this.transactions.run(async () => {
      const membership = await this.memberships.lock(input.memberId, input.structureId);
      if (!membership || membership.leftAt) throw DirectoryError.notFound('Member', 'input.memberId');
      const delegates = await this.memberships.countDelegatesOf(input.structureId, input.memberId);
      if (delegates)
        throw DirectoryError.invalid(
          'input.memberId',
          `is the referent of ${delegates} delegate(s): assign them another referent first`,
        );
      const leftAt = this.clock.now();
      await this.memberships.update({ ...membership, leftAt });
      await this.outbox.record('directory.member.left.v1', {
        memberId: input.memberId,
        structureId: input.structureId,
        leftAt: leftAt.toISOString(),
      });
      return true;
    });
  }
}
