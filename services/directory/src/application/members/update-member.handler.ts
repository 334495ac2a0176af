import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryError } from '../../domain/directory-error';
import { assertRpps } from '../../domain/rpps';
import { MemberEntity, MembershipEntity } from '../../infrastructure/entities';
import { PERMISSIONS } from '../permissions';
import { rethrowUniqueViolation } from '../unique-violation';
import { checkReferents } from './delegation-referents';
import { checkProfession, checkRoles, checkSites } from './member-fields';

export interface UpdateMemberInput {
  memberId: string;
  structureId: string;
  profession?: string | null;
  rpps?: string | null;
  roles?: string[] | null;
  siteIds?: string[] | null;
  referentId?: string | null;
  backupReferentId?: string | null;
}

@Injectable()
export class UpdateMemberHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(user: UserContext, input: UpdateMemberInput): Promise<MemberEntity> {
    assertStructureAccess(user, input.structureId, PERMISSIONS.manageMembers);
    return this.transactions
      .run(async (manager) => {
        const membership = await manager.findOne(MembershipEntity, {
          where: { memberId: input.memberId, structureId: input.structureId },
          lock: { mode: 'pessimistic_write' },
        });
        const member = await manager.findOneBy(MemberEntity, { id: input.memberId });
        if (!membership || membership.leftAt || !member) throw DirectoryError.notFound('Member', 'input.memberId');
        if (input.profession) member.profession = checkProfession(input.profession);
        if (input.rpps !== undefined) member.rpps = input.rpps ? assertRpps(input.rpps, 'input.rpps') : null;
        if (input.roles) membership.roles = checkRoles(input.roles);
        if (input.siteIds) membership.siteIds = await checkSites(manager, input.structureId, input.siteIds);
        const referents = await checkReferents(
          manager,
          input.structureId,
          membership.roles,
          {
            referentId: input.referentId !== undefined ? input.referentId : membership.referentId,
            backupReferentId:
              input.backupReferentId !== undefined ? input.backupReferentId : membership.backupReferentId,
          },
          member.id,
        );
        Object.assign(membership, referents);
        await manager.save(member);
        await manager.save(membership);
        await this.outbox.record('directory.member.updated.v1', {
          memberId: member.id,
          structureId: input.structureId,
          profession: member.profession,
          roles: membership.roles,
          siteIds: membership.siteIds,
          ...(membership.referentId ? { referentId: membership.referentId } : {}),
          ...(membership.backupReferentId ? { backupReferentId: membership.backupReferentId } : {}),
          updatedAt: new Date().toISOString(),
        });
        return member;
      })
      .catch(rethrowUniqueViolation);
  }
}
