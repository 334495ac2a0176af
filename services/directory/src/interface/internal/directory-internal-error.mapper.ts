import { InternalApiException } from '@msp/messaging';
import { DirectoryError, DirectoryErrorCode } from '../../domain/directory-error';

function httpStatus(code: DirectoryErrorCode): number {
  switch (code) {
    case DirectoryErrorCode.InvalidInput:
      return 422;
    case DirectoryErrorCode.NotFound:
      return 404;
    case DirectoryErrorCode.DuplicateRpps:
    case DirectoryErrorCode.DuplicateEmail:
    case DirectoryErrorCode.AlreadyMember:
      return 409;
  }
}

/** Runs an internal endpoint's work, answering directory refusals as typed internal errors naming the field. */
export async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DirectoryError)
      throw new InternalApiException(httpStatus(error.code), error.code, error.message, error.field);
    throw error;
  }
}
