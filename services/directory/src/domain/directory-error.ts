/** Every way a directory operation can be refused; mapped to GraphQL and HTTP in one place each. */
export enum DirectoryErrorCode {
  InvalidInput = 'DIRECTORY.INVALID_INPUT',
  NotFound = 'DIRECTORY.NOT_FOUND',
  DuplicateRpps = 'DIRECTORY.DUPLICATE_RPPS',
  DuplicateEmail = 'DIRECTORY.DUPLICATE_EMAIL',
  AlreadyMember = 'DIRECTORY.ALREADY_MEMBER',
}

export class DirectoryError extends Error {
  constructor(
    readonly code: DirectoryErrorCode,
    message: string,
    /** The input field at fault, as the client named it (e.g. `input.phone`). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DirectoryError';
  }

  static invalid(field: string, reason: string): DirectoryError {
    return new DirectoryError(DirectoryErrorCode.InvalidInput, `${field}: ${reason}`, field);
  }

  static notFound(what: string): DirectoryError {
    return new DirectoryError(DirectoryErrorCode.NotFound, `${what} not found`);
  }
}
