import { DomainError, type ErrorKind, inputChecks } from '@msp/errors';

/** Every way a directory operation can be refused; the platform's filters answer them by kind. */
export enum DirectoryErrorCode {
  InvalidInput = 'DIRECTORY.INVALID_INPUT',
  NotFound = 'DIRECTORY.NOT_FOUND',
  DuplicateRpps = 'DIRECTORY.DUPLICATE_RPPS',
  DuplicateEmail = 'DIRECTORY.DUPLICATE_EMAIL',
  AlreadyMember = 'DIRECTORY.ALREADY_MEMBER',
  /** An e-mail already on the platform, given with another identity than the one on file. */
  IdentityMismatch = 'DIRECTORY.IDENTITY_MISMATCH',
  /** The identity (profession, RPPS) of a member who also works in another structure: not one structure's to change. */
  SharedIdentity = 'DIRECTORY.SHARED_IDENTITY',
  /** The member a service reads identities for may not read them in that structure (no current role that reads patients). */
  ReaderNotEntitled = 'DIRECTORY.READER_NOT_ENTITLED',
  /** A structure with this FINESS, or this name with another first administrator, is already on the platform. */
  StructureExists = 'DIRECTORY.STRUCTURE_EXISTS',
  /** A patient of the structure with the same INS, or the same name and birth date. */
  DuplicatePatient = 'DIRECTORY.DUPLICATE_PATIENT',
  /** An operation of a CPTS asked of a structure that is not one (or of an MSP outside the CPTS). */
  NotACpts = 'DIRECTORY.NOT_A_CPTS',
  /** An external issuer's subject that an administrator links while it already names another member. */
  IdentityAlreadyLinked = 'DIRECTORY.IDENTITY_ALREADY_LINKED',
}

function kindOf(code: DirectoryErrorCode): ErrorKind {
  switch (code) {
    case DirectoryErrorCode.InvalidInput:
      return 'invalid';
    case DirectoryErrorCode.NotFound:
      return 'not_found';
    case DirectoryErrorCode.DuplicateRpps:
    case DirectoryErrorCode.DuplicateEmail:
    case DirectoryErrorCode.AlreadyMember:
    case DirectoryErrorCode.IdentityMismatch:
    case DirectoryErrorCode.StructureExists:
    case DirectoryErrorCode.DuplicatePatient:
    case DirectoryErrorCode.IdentityAlreadyLinked:
      return 'conflict';
    case DirectoryErrorCode.NotACpts:
      return 'invalid';
    case DirectoryErrorCode.SharedIdentity:
    case DirectoryErrorCode.ReaderNotEntitled:
      return 'forbidden';
  }
}

export class DirectoryError extends DomainError {
  constructor(
    override readonly code: DirectoryErrorCode,
    message: string,
    /** The input field at fault, as the client named it (e.g. `input.phone`). */
    field?: string,
  ) {
    super(kindOf(code), code, message, field);
  }

  static invalid(field: string, reason: string): DirectoryError {
    return new DirectoryError(DirectoryErrorCode.InvalidInput, `${field}: ${reason}`, field);
  }

  /** Also what another structure's object answers: "exists elsewhere" must read exactly like "does not exist". */
  static notFound(what: string, field?: string): DirectoryError {
    return new DirectoryError(
      DirectoryErrorCode.NotFound,
      field ? `${field}: ${what} not found` : `${what} not found`,
      field,
    );
  }
}

/** UUIDs, text, instants and time zones checked the platform's way, refused as `DIRECTORY.INVALID_INPUT`. */
export const directoryInput = inputChecks(DirectoryErrorCode.InvalidInput);
