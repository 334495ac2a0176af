import type { Role, UserContext } from '@msp/auth';
import { SchedulingError } from '../domain/scheduling-error';
import type { AgendaRepository, SiteRef } from './ports/agenda.repository';
import { assertMayManage } from './permissions';

/**
 * The site `siteId` names, for a member who may manage it with one of `roles` (or as the practitioner `self`, on their
 * own agenda). A site of another structure answers NOT_FOUND on `field`, exactly as a missing one.
 */
export async function manageableSite(
  agenda: AgendaRepository,
  user: UserContext,
  siteId: string,
  field: string,
  roles: readonly Role[],
  self: string | null = null,
): Promise<SiteRef> {
  const site = await agenda.site(siteId);
  const unseen = SchedulingError.notFound('Site', field);
  if (!site) throw unseen;
  assertMayManage(user, site.structureId, roles, self, unseen);
  return site;
}
