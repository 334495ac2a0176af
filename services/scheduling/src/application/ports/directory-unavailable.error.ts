import { SchedulingError, SchedulingErrorCode } from '../../domain/scheduling-error';

/** The directory did not answer (down, or too slow): answered as a retryable UNAVAILABLE / 503, never a guess. */
export class DirectoryUnavailableError extends SchedulingError {
  constructor(readonly reason: string) {
    super(
      SchedulingErrorCode.DirectoryUnavailable,
      'The patient directory cannot be reached right now; please try again in a few minutes or call the practice',
    );
  }
}
