import { InternalApiException } from '@msp/messaging';
import { SchedulingError, SchedulingErrorCode } from '../../domain/scheduling-error';

function httpStatus(code: SchedulingErrorCode): number {
  switch (code) {
    case SchedulingErrorCode.InvalidInput:
      return 422;
    case SchedulingErrorCode.NotFound:
      return 404;
    case SchedulingErrorCode.SlotTaken:
    case SchedulingErrorCode.HoldLapsed:
    case SchedulingErrorCode.InvalidTransition:
      return 409;
  }
}

/** Runs an internal endpoint's work, answering scheduling refusals as typed internal errors. */
export async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SchedulingError)
      throw new InternalApiException(httpStatus(error.code), error.code, error.message, error.field);
    throw error;
  }
}
