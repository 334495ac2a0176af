import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryError, DirectoryErrorCode } from '../../domain/directory-error';
import type { PlatformActor } from '../actor';
import { checkEmail, checkName } from '../members/member-fields';
import type { Member } from '../ports/member.repository';
import { MemberRepository } from '../ports/member.repository';
import { MembershipRepository } from '../ports/membership.repository';
import { type Structure, StructureRepository } from '../ports/structure.repository';
import { CreateStructureHandler, type CreateStructureInput } from './create-structure.handler';

export interface OnboardedStructure {
  structure: Structure;
  administrator: Member;
  /** False when the same onboarding had already been done: nothing was written. */
  created: boolean;
}

/**
 * Onboarding that can be run again: an operator's command retried after a timeout, a coordinator's double click.
 * The same structure — kind, name (without case or accents), CPTS — with the same first administrator (e-mail,
 * still an administrator of it) answers what exists and writes nothing. Anything else already holding the name or
 * the FINESS number is refused with CONFLICT `DIRECTORY.STRUCTURE_EXISTS`, so a structure is never created twice.
 * Creations are serialised (a transaction-scoped advisory lock), so two identical runs at once create one structure.
 */
@Injectable()
export class OnboardStructureHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly structures: StructureRepository,
    private readonly members: MemberRepository,
    private readonly memberships: MembershipRepository,
    private readonly create: CreateStructureHandler,
  ) {}

  execute(actor: PlatformActor | UserContext, input: CreateStructureInput): Promise<OnboardedStructure> {
    const name = checkName(input.name, 'input.name');
    const email = checkEmail(input.administrator.email, 'input.administrator.email');
    return this.transactions.run(async () => {
      await this.structures.lockCreations();
      const administrator = await this.members.findByEmail(email);
      for (const existing of await this.structures.findByName(input.kind, name)) {
        const membership = administrator && (await this.memberships.find(administrator.id, existing.id));
        const same =
          membership &&
          !membership.leftAt &&
          membership.roles.includes('administrator') &&
          existing.cptsId === (input.cptsId ?? null) &&
          (!input.finess || existing.finess === input.finess);
        if (same) return { structure: existing, administrator, created: false };
        throw new DirectoryError(
          DirectoryErrorCode.StructureExists,
          `input.name: a ${input.kind} named "${existing.name}" is already on the platform with another administrator or CPTS; choose a distinguishing name (e.g. with the town)`,
          'input.name',
        );
      }
      if (input.finess && (await this.structures.findByFiness(input.finess)))
        throw new DirectoryError(
          DirectoryErrorCode.StructureExists,
          'input.finess: another structure already has this FINESS number',
          'input.finess',
        );
      return { ...(await this.create.execute(actor, { ...input, name })), created: true };
    });
  }
}
