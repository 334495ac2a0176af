import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryError } from '../../domain/directory-error';
import type { StructureKind } from '../../domain/structure-kind';
import type { PlatformActor } from '../actor';
import { checkEmail, checkName, checkProfession } from '../members/member-fields';
import { type Member, MemberRepository } from '../ports/member.repository';
import { type Membership, MembershipRepository } from '../ports/membership.repository';
import { type Structure, StructureRepository } from '../ports/structure.repository';

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
    private readonly clock: Clock,
    private readonly structures: StructureRepository,
    private readonly members: MemberRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  async execute(
    _actor: PlatformActor,
    input: CreateStructureInput,
  ): Promise<{ structure: Structure; administrator: Member }> {
    if (input.kind !== 'MSP' && input.kind !== 'CPTS')
      throw DirectoryError.invalid('input.kind', 'must be MSP or CPTS');
    if (input.finess && !/^\d{9}$/.test(input.finess)) throw DirectoryError.invalid('input.finess', 'must be 9 digits');
    const email = checkEmail(input.administrator.email, 'input.administrator.email');
    return this.transactions.run(async () => {
      if (input.cptsId) {
        const cpts = await this.structures.findById(input.cptsId);
        if (cpts?.kind !== 'CPTS') throw DirectoryError.invalid('input.cptsId', 'must be an existing CPTS');
      }
      const now = this.clock.now();
      const structure: Structure = {
        id: randomUUID(),
        kind: input.kind,
        name: checkName(input.name, 'input.name'),
        finess: input.finess ?? null,
        cptsId: input.cptsId ?? null,
        createdAt: now,
      };
      await this.structures.insert(structure);
      let administrator = await this.members.findByEmail(email);
      if (!administrator) {
        administrator = {
          id: randomUUID(),
          firstName: checkName(input.administrator.firstName, 'input.administrator.firstName'),
          lastName: checkName(input.administrator.lastName, 'input.administrator.lastName'),
          email,
          rpps: null,
          profession: checkProfession(input.administrator.profession),
          createdAt: now,
        };
        await this.members.insert(administrator);
      }
      const membership: Membership = {
        memberId: administrator.id,
        structureId: structure.id,
        roles: ['administrator'],
        siteIds: [],
        referentId: null,
        backupReferentId: null,
        joinedAt: now,
        leftAt: null,
      };
      await this.memberships.insert(membership);
      await this.outbox.record('directory.member.joined.v1', {
        memberId: administrator.id,
        structureId: structure.id,
        profession: administrator.profession,
        roles: membership.roles,
        siteIds: membership.siteIds,
        referentId: membership.referentId,
        backupReferentId: membership.backupReferentId,
        rpps: administrator.rpps,
        joinedAt: now.toISOString(),
      });
      return { structure, administrator };
    });
  }
}
