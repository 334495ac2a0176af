import { CallRoutingError } from '../../domain/call-routing-error';
import type { RulebookScope } from '../../domain/rulebook/rulebook';
import { assertUuid } from '../input-checks';
import type { DirectoryCopyRepository } from '../ports/directory-copy.repository';

export interface ScopeInput {
  siteId?: string | null;
  practitionerId?: string | null;
}

/** A site's or a practitioner's rulebook, exactly one of the two, with the structure it belongs to. */
export async function resolveScope(
  input: ScopeInput,
  structureId: string,
  directory: DirectoryCopyRepository,
): Promise<{ scope: RulebookScope; structureId: string }> {
  const structure = assertUuid(structureId, 'input.structureId');
  if (Boolean(input.siteId) === Boolean(input.practitionerId))
    throw CallRoutingError.invalid('input.siteId', 'give either siteId or practitionerId: the rulebook of one of them');
  if (input.siteId) {
    const siteId = assertUuid(input.siteId, 'input.siteId');
    const site = await directory.site(siteId);
    if (!site || site.structureId !== structure) throw CallRoutingError.notFound('Site', 'input.siteId');
    return { scope: { kind: 'site', siteId }, structureId: structure };
  }
  const practitionerId = assertUuid(input.practitionerId as string, 'input.practitionerId');
  const [member] = await directory.currentMembers(structure, [practitionerId]);
  if (!member) throw CallRoutingError.notFound('Practitioner', 'input.practitionerId');
  return { scope: { kind: 'practitioner', practitionerId }, structureId: structure };
}

export const scopeId = (scope: RulebookScope): string => (scope.kind === 'site' ? scope.siteId : scope.practitionerId);
