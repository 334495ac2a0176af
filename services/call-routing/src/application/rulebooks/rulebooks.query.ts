import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { CallRoutingError } from '../../domain/call-routing-error';
import { DEFAULT_SITE_RULEBOOK } from '../../domain/rulebook/default-rulebook';
import { diffRulebooks, type RulebookChange } from '../../domain/rulebook/rulebook-diff';
import type { RulebookDocument, RulebookScope } from '../../domain/rulebook/rulebook';
import { DirectoryCopyRepository } from '../ports/directory-copy.repository';
import { RulebookRepository, type RulebookVersion } from '../ports/rulebook.repository';
import { resolveScope, type ScopeInput } from './rulebook-scope';

export interface RulebookView {
  scope: RulebookScope;
  /** Null: nothing published yet; a site then runs on the default rulebook (`document`). */
  current: RulebookVersion | null;
  document: RulebookDocument | null;
  isDefault: boolean;
}

/** Every member reads the rules their phone follows; the history shows who changed what, when. */
@Injectable()
export class RulebooksQuery {
  constructor(
    private readonly rulebooks: RulebookRepository,
    private readonly directory: DirectoryCopyRepository,
  ) {}

  async current(user: UserContext, structureId: string, input: ScopeInput): Promise<RulebookView> {
    const { scope } = await this.visible(user, structureId, input);
    const current = await this.rulebooks.current(scope);
    if (current) return { scope, current, document: current.document, isDefault: false };
    return scope.kind === 'site'
      ? { scope, current: null, document: DEFAULT_SITE_RULEBOOK, isDefault: true }
      : { scope, current: null, document: null, isDefault: false };
  }

  async history(user: UserContext, structureId: string, input: ScopeInput, limit = 50): Promise<RulebookVersion[]> {
    const { scope } = await this.visible(user, structureId, input);
    return this.rulebooks.history(scope, Math.min(Math.max(limit, 1), 200));
  }

  /** What changed between two versions of one rulebook (`from` 0: from nothing). */
  async diff(
    user: UserContext,
    structureId: string,
    input: ScopeInput,
    from: number,
    to: number,
  ): Promise<RulebookChange[]> {
    const { scope } = await this.visible(user, structureId, input);
    const [before, after] = await Promise.all([
      from === 0 ? null : this.rulebooks.version(scope, from),
      this.rulebooks.version(scope, to),
    ]);
    if (from !== 0 && !before) throw CallRoutingError.notFound('Rulebook version', 'from');
    if (!after) throw CallRoutingError.notFound('Rulebook version', 'to');
    return diffRulebooks(before?.document ?? null, after.document);
  }

  private async visible(user: UserContext, structureId: string, input: ScopeInput) {
    assertStructureAccess(user, structureId, undefined, CallRoutingError.notFound('Structure', 'input.structureId'));
    return resolveScope(input, structureId, this.directory);
  }
}
