import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryError } from '../../domain/directory-error';
import type { StructureKind } from '../../domain/structure-kind';
import type { UserContext } from '@msp/auth';
import { directoryInput } from '../../domain/directory-error';
import { assertRpps } from '../../domain/rpps';
import type { PlatformActor } from '../actor';
import { refuseOtherIdentity } from '../members/add-member.handler';
import { checkEmail, checkName, checkProfession } from '../members/member-fields';
import { type Member, MemberRepository } from '../ports/member.repository';
import { type Membership, MembershipRepository } from '../ports/membership.repository';
import { type Structure, StructureRepository } from '../ports/structure.repository';

export interface CreateStructureInput {
  kind: StructureKind;
  name: string;
  finess?: string | null;
  cptsId?: string | null;
  /** IANA zone, default of the sites it opens; Europe/Paris when not given. */
  timeZone?: string | null;
  /** The structure's first administrator, who then adds everyone else. */
  administrator: { firstName: string; lastName: string; email: string; profession: string; rpps?: string | null };
}

/**
 * Onboarding a structure with its first administrator: by the platform (the operator's command through
 * `OnboardStructureHandler`, the demo data loader) or by a CPTS's coordinator adding a member MSP. A person already on
 * the platform (same e-mail) becomes the administrator only when the identity given is exactly the one on file, as
 * `addMember` rules.
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
    _actor: PlatformActor | UserContext,
    input: CreateStructureInput,
  ): Promise<{ structure: Structure; administrator: Member }> {
    if (input.kind !== 'MSP' && input.kind !== 'CPTS')
      throw DirectoryError.invalid('input.kind', 'must be MSP or CPTS');
    if (input.finess && !/^\d{9}$/.test(input.finess)) throw DirectoryError.invalid('input.finess', 'must be 9 digits');
    const email = checkEmail(input.administrator.email, 'input.administrator.email');
    const timeZone = directoryInput.timeZone(input.timeZone ?? 'Europe/Paris', 'input.timeZone');
    const given = {
      firstName: checkName(input.administrator.firstName, 'input.administrator.firstName'),
      lastName: checkName(input.administrator.lastName, 'input.administrator.lastName'),
      profession: checkProfession(input.administrator.profession, 'input.administrator.profession'),
      rpps: input.administrator.rpps ? assertRpps(input.administrator.rpps, 'input.administrator.rpps') : null,
    };
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
        timeZone,
        createdAt: now,
      };
      await this.structures.insert(structure);
      let administrator = await this.members.findByEmail(email);
      if (administrator) refuseOtherIdentity(administrator, given, 'input.administrator.email');
      else {
        administrator = { id: randomUUID(), ...given, email, createdAt: now };
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
