import type { UserContext } from '@msp/auth';
import type { Motif } from '../../domain/motif';
import { SchedulingError } from '../../domain/scheduling-error';
import type { OpeningRangeChangesRepository } from '../ports/opening-range-changes.repository';
import { assertUuid } from '../input-checks';
import { assertMayManage, PERMISSIONS } from '../permissions';

/**
 * Locks the motif, then checks who asks (as for creating it: administrators and coordinators, or the practitioner for
 * their own motif) and the version the client read.
 */
export async function lockMotifForChange(
  changes: OpeningRangeChangesRepository,
  user: UserContext,
  input: { motifId: string; version: number },
): Promise<Motif> {
  const id = assertUuid(input.motifId, 'input.motifId');
  if (!Number.isInteger(input.version) || input.version < 1)
    throw SchedulingError.invalid('input.version', 'must be the version of the motif as read, 1 or more');
  const motif = await changes.lockMotif(id);
  const unseen = SchedulingError.notFound('Motif', 'input.motifId');
  if (!motif) throw unseen;
  assertMayManage(user, motif.structureId, PERMISSIONS.manageMotifs, motif.practitionerId, unseen);
  if (motif.version !== input.version) throw SchedulingError.staleVersion('motif', motif.version ?? 1);
  return motif;
}
