import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryError } from '../../domain/directory-error';
import { MembershipEntity } from '../../infrastructure/entities';
import { PERMISSIONS } from '../permissions';

/** Ends a membership (history is kept); delegates whose referent leaves must be given another one first. */
@Injectable()
export class RemoveMemberHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(user: UserContext, input: { memberId: string; structureId: string }): Promise<boolean> {
    assertStructureAccess(user, input.structureId, PERMISSIONS.manageMembers);
    return this.transactions.run(async (manager) => {
      const membership = await manager.findOneBy(MembershipEntity, {
        memberId: input.memberId,
        structureId: input.structureId,
        leftAt: IsNull(),
      });
      if (!membership) throw DirectoryError.notFound('Member', 'input.memberId');
      const delegates = await manager
        .createQueryBuilder(MembershipEntity, 'm')
        .where('m.structure_id = :structureId and m.left_at is null', { structureId: input.structureId })
        .andWhere('(m.referent_id = :id or m.backup_referent_id = :id)', { id: input.memberId })
        .getCount();
      if (delegates)
        throw DirectoryError.invalid(
          'input.memberId',
          `is the referent of ${delegates} delegate(s): assign them another referent first`,
        );
      membership.leftAt = new Date();
      await manager.save(membership);
      await this.outbox.record('directory.member.left.v1', {
        memberId: input.memberId,
        structureId: input.structureId,
        leftAt: membership.leftAt.toISOString(),
      });
      return true;
    });
  }
}
