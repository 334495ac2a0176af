import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryError, DirectoryErrorCode } from '../../domain/directory-error';
import { assertRpps } from '../../domain/rpps';
import { MemberEntity, MembershipEntity } from '../../infrastructure/entities';
import { PERMISSIONS } from '../permissions';
import { rethrowUniqueViolation } from '../unique-violation';
import { checkReferents } from './delegation-referents';
import { checkEmail, checkName, checkProfession, checkRoles, checkSites } from './member-fields';

export interface AddMemberInput {
  structureId: string;
  firstName: string;
  lastName: string;
  email: string;
  profession: string;
  rpps?: string | null;
  roles: string[];
  siteIds: string[];
  referentId?: string | null;
  backupReferentId?: string | null;
}

/** An administrator adds a professional to their structure; a person already known (same e-mail) gains a membership. */
@Injectable()
export class AddMemberHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(user: UserContext, input: AddMemberInput): Promise<MemberEntity> {
    assertStructureAccess(user, input.structureId, PERMISSIONS.manageMembers);
    const profession = checkProfession(input.profession);
    const roles = checkRoles(input.roles);
    const email = checkEmail(input.email, 'input.email');
    const rpps = input.rpps ? assertRpps(input.rpps, 'input.rpps') : null;
    const firstName = checkName(input.firstName, 'input.firstName');
    const lastName = checkName(input.lastName, 'input.lastName');
    return this.transactions
      .run(async (manager) => {
        const siteIds = await checkSites(manager, input.structureId, input.siteIds);
        let member = await manager
          .createQueryBuilder(MemberEntity, 'm')
          .where('lower(m.email) = :email', { email })
          .getOne();
        if (member) {
          const existing = await manager.findOneBy(MembershipEntity, {
            memberId: member.id,
            structureId: input.structureId,
          });
          if (existing && !existing.leftAt)
            throw new DirectoryError(
              DirectoryErrorCode.AlreadyMember,
              'This person is already a member of the structure',
              'input.email',
            );
        } else {
          member = await manager.save(MemberEntity, { id: randomUUID(), firstName, lastName, email, rpps, profession });
        }
        const referents = await checkReferents(manager, input.structureId, roles, input, member.id);
        const joinedAt = new Date();
        await manager.save(MembershipEntity, {
          memberId: member.id,
          structureId: input.structureId,
          roles,
          siteIds,
          ...referents,
          joinedAt,
          leftAt: null,
        });
        await this.outbox.record('directory.member.joined.v1', {
          memberId: member.id,
          structureId: input.structureId,
          profession: member.profession,
          roles,
          siteIds,
          joinedAt: joinedAt.toISOString(),
        });
        return member;
      })
      .catch(rethrowUniqueViolation);
  }
}
