import { Injectable, Logger } from '@nestjs/common';
import { DirectoryUnavailableError } from '../ports/directory-unavailable.error';
import { PatientDirectory } from '../ports/patient-directory.port';

/**
 * Has the directory forget what a patient typed online, once it is no longer needed. The directory unreachable, the
 * identity stays until the retention purge (`OnlineRequestPurgeJob`) asks again; the decision already taken stands.
 */
@Injectable()
export class TypedIdentityDiscarder {
  private readonly logger = new Logger(TypedIdentityDiscarder.name);

  constructor(private readonly directory: PatientDirectory) {}

  /** True when the directory forgot it (or had already). */
  async discard(registrationRequestId: string): Promise<boolean> {
    try {
      await this.directory.discardRegistrationRequest(registrationRequestId);
      return true;
    } catch (error) {
      if (!(error instanceof DirectoryUnavailableError)) throw error;
      this.logger.warn({ msg: 'typed identity kept: the directory is unreachable', registrationRequestId });
      return false;
    }
  }
}
