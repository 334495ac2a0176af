import { DirectoryError, DirectoryErrorCode } from '../../domain/directory-error';

const CONSTRAINTS: Record<string, DirectoryError> = {
  member_rpps_key: new DirectoryError(
    DirectoryErrorCode.DuplicateRpps,
    'input.rpps: another member already has this RPPS number',
    'input.rpps',
  ),
  member_email_key: new DirectoryError(
    DirectoryErrorCode.DuplicateEmail,
    'input.email: another member already uses this e-mail',
    'input.email',
  ),
  structure_finess_key: new DirectoryError(
    DirectoryErrorCode.StructureExists,
    'input.finess: another structure already has this FINESS number',
    'input.finess',
  ),
  patient_structure_ins_key: new DirectoryError(
    DirectoryErrorCode.DuplicatePatient,
    'input.ins: a patient of the structure already has this INS',
    'input.ins',
  ),
  membership_pkey: new DirectoryError(
    DirectoryErrorCode.AlreadyMember,
    'This person is already a member of the structure',
    'input.email',
  ),
};

/** Turns a unique-constraint race lost in PostgreSQL into the same error the pre-check gives. */
export function rethrowUniqueViolation(error: unknown): never {
  const pg =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ??
    (error as { code?: string; constraint?: string });
  if (pg?.code === '23505' && pg.constraint && CONSTRAINTS[pg.constraint]) throw CONSTRAINTS[pg.constraint];
  throw error;
}
