import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryError } from '../../domain/directory-error';
import { MemberEntity, MembershipEntity, StructureEntity, type StructureKind } from '../../infrastructure/entities';
import { checkEmail, checkName, checkProfession } from '../members/member-fields';
import { rethrowUniqueViolation } from '../unique-violation';

export interface CreateStructureInput {
  kind: StructureKind;
  name: string;
  finess?: string | null;
  cptsId?: string | null;
  /** The structure's first administrator, who then adds everyone else. */
  administrator: { firstName: string; lastName: string; email: string; profession: string };
}

/**
 * Platform operation, not exposed to members: onboarding a structure with its first administrator (used by the demo
 * data loader and by operators' scripts).
 */
@Injectable()
export class CreateStructureHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(input: CreateStructureInput): Promise<{ structure: StructureEntity; administrator: MemberEntity }> {
    if (input.kind !== 'MSP' && input.kind !== 'CPTS')
      throw DirectoryError.invalid('input.kind', 'must be MSP or CPTS');
    if (input.finess && !/^\d{9}$/.test(input.finess)) throw DirectoryError.invalid('input.finess', 'must be 9 digits');
    const email = checkEmail(input.administrator.email, 'input.administrator.email');
    return this.transactions
      .run(async (manager) => {
        if (input.cptsId) {
          const cpts = await manager.findOneBy(StructureEntity, { id: input.cptsId });
          if (cpts?.kind !== 'CPTS') throw DirectoryError.invalid('input.cptsId', 'must be an existing CPTS');
        }
        const structure = await manager.save(StructureEntity, {
          id: randomUUID(),
          kind: input.kind,
          name: checkName(input.name, 'input.name'),
          finess: input.finess ?? null,
          cptsId: input.cptsId ?? null,
        });
        const administrator =
          (await manager.createQueryBuilder(MemberEntity, 'm').where('lower(m.email) = :email', { email }).getOne()) ??
          (await manager.save(MemberEntity, {
            id: randomUUID(),
            firstName: checkName(input.administrator.firstName, 'input.administrator.firstName'),
            lastName: checkName(input.administrator.lastName, 'input.administrator.lastName'),
            email,
            rpps: null,
            profession: checkProfession(input.administrator.profession),
          }));
        const joinedAt = new Date();
        await manager.save(MembershipEntity, {
          memberId: administrator.id,
          structureId: structure.id,
          roles: ['administrator'],
          siteIds: [],
          referentId: null,
          backupReferentId: null,
          joinedAt,
          leftAt: null,
        });
        await this.outbox.record('directory.member.joined.v1', {
          memberId: administrator.id,
          structureId: structure.id,
          profession: administrator.profession,
          roles: ['administrator'],
          siteIds: [],
          joinedAt: joinedAt.toISOString(),
        });
        return { structure, administrator };
      })
      .catch(rethrowUniqueViolation);
  }
}
