import type { RulebookChange } from '../../domain/rulebook/rulebook-diff';
import type { RulebookDocument, RulebookScope } from '../../domain/rulebook/rulebook';
import type { RulebookWarning } from '../../domain/rulebook/validate-rulebook';

export interface RulebookVersion {
  structureId: string;
  scope: RulebookScope;
  version: number;
  document: RulebookDocument;
  changes: RulebookChange[];
  warnings: RulebookWarning[];
  authorId: string;
  createdAt: Date;
}

export abstract class RulebookRepository {
  abstract current(scope: RulebookScope): Promise<RulebookVersion | null>;
  /** Several scopes at once (a call reads the practitioner's and the site's). */
  abstract currentOf(scopes: readonly RulebookScope[]): Promise<RulebookVersion[]>;
  /** Newest first. */
  abstract history(scope: RulebookScope, limit: number): Promise<RulebookVersion[]>;
  abstract version(scope: RulebookScope, version: number): Promise<RulebookVersion | null>;
  /** Throws CALL_ROUTING.STALE_RULEBOOK when this version number exists already (someone published meanwhile). */
  abstract append(version: RulebookVersion): Promise<void>;
}
