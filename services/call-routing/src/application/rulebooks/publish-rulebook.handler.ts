import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { CallRoutingError, CallRoutingErrorCode } from '../../domain/call-routing-error';
import { diffRulebooks } from '../../domain/rulebook/rulebook-diff';
import { assertValidRulebook } from '../../domain/rulebook/validate-rulebook';
import { assertMayWriteRulebook } from '../permissions';
import { DirectoryCopyRepository } from '../ports/directory-copy.repository';
import { RulebookRepository, type RulebookVersion } from '../ports/rulebook.repository';
import { resolveScope, type ScopeInput } from './rulebook-scope';

export interface PublishRulebookInput extends ScopeInput {
  structureId: string;
  /** The rulebook as JSON text (the console's editor) or already parsed. */
  document: unknown;
  /** The version the author edited: publishing over a newer one is refused (someone published meanwhile). */
  basedOnVersion?: number | null;
}

/**
 * Publishes a new version of a rulebook (CAL-4): validated first (refused with the path of each problem; warnings kept
 * with the version), then appended with its diff to the previous version, its author and time. Versions are never
 * changed: the journal's trace names the version that decided each call.
 */
@Injectable()
export class PublishRulebookHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly rulebooks: RulebookRepository,
    private readonly directory: DirectoryCopyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: PublishRulebookInput): Promise<RulebookVersion> {
    const unseen = CallRoutingError.notFound('Structure', 'input.structureId');
    assertStructureAccess(user, input.structureId, undefined, unseen);
    const { scope, structureId } = await resolveScope(input, input.structureId, this.directory);
    assertMayWriteRulebook(user, structureId, scope, unseen);
    const { rulebook, warnings } = assertValidRulebook(parsed(input.document), {}, 'input.document.');

    return this.transactions.run(async () => {
      const previous = await this.rulebooks.current(scope);
      const version = (previous?.version ?? 0) + 1;
      if (input.basedOnVersion != null && input.basedOnVersion !== (previous?.version ?? 0))
        throw new CallRoutingError(
          CallRoutingErrorCode.StaleRulebook,
          `Version ${previous?.version ?? 0} was published since version ${input.basedOnVersion}: review it first`,
          'input.basedOnVersion',
        );
      const published: RulebookVersion = {
        structureId,
        scope,
        version,
        document: rulebook,
        changes: diffRulebooks(previous?.document ?? null, rulebook),
        warnings,
        authorId: user.memberId,
        createdAt: this.clock.now(),
      };
      await this.rulebooks.append(published);
      return published;
    });
  }
}

function parsed(document: unknown): unknown {
  if (typeof document !== 'string') return document;
  try {
    return JSON.parse(document);
  } catch (error) {
    throw CallRoutingError.invalid('input.document', `is not JSON: ${(error as Error).message}`);
  }
}
