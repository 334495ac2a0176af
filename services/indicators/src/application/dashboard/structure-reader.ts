import { assertStructureAccess, ForbiddenError, hasRoleIn, type UserContext } from '@msp/auth';
import { inputChecks } from '@msp/errors';
import { IndicatorsError, IndicatorsErrorCode } from '../../domain/indicators-error';

const input = inputChecks(IndicatorsErrorCode.InvalidInput);

export interface StructureReader {
  structureId: string;
  /** Administrators and coordinators read every practitioner's figures; a practitioner their own. */
  everyone: boolean;
}

/**
 * Who may read a structure's indicators: its administrators, coordinators and practitioners. Anyone else is told the
 * structure does not exist, as for a structure that does not.
 */
export function structureReader(user: UserContext, structureId: string): StructureReader {
  const id = input.uuid(structureId, 'structureId');
  assertStructureAccess(
    user,
    id,
    ['administrator', 'coordinator', 'practitioner'],
    IndicatorsError.notFound('Structure', 'structureId'),
  );
  return { structureId: id, everyone: hasRoleIn(user, id, ['administrator', 'coordinator']) };
}

/** The structure's id, once the caller may read it and, if a practitioner is named, that practitioner's figures. */
export function practitionerReader(
  user: UserContext,
  structureId: string,
  practitionerId: string | null,
): { structureId: string; practitionerId: string | null } {
  const { structureId: id, everyone } = structureReader(user, structureId);
  if (practitionerId && !everyone && practitionerId !== user.memberId)
    throw new ForbiddenError('A practitioner reads the structure’s figures and their own only');
  return { structureId: id, practitionerId: practitionerId && input.uuid(practitionerId, 'practitionerId') };
}
