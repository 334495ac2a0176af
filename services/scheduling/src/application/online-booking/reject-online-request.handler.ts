import { Injectable, Logger } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { memberActor } from '../actor';
import { CancelAppointmentHandler } from '../booking/cancel-appointment.handler';
import { DirectoryUnavailableError } from '../ports/directory-unavailable.error';
import { OnlineBookingRequestRepository, type OnlineBookingRequest } from '../ports/online-booking-request.repository';
import { PatientDirectory } from '../ports/patient-directory.port';
import type { OnlineRequestDecisionInput } from './confirm-online-request.handler';
import { OnlineRequestDecisions } from './online-request.decisions';

/** Staff turn a new patient's online booking down: the slot is free again and the directory forgets the identity. */
@Injectable()
export class RejectOnlineRequestHandler {
  private readonly logger = new Logger(RejectOnlineRequestHandler.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly decisions: OnlineRequestDecisions,
    private readonly requests: OnlineBookingRequestRepository,
    private readonly directory: PatientDirectory,
    private readonly canceller: CancelAppointmentHandler,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: OnlineRequestDecisionInput): Promise<OnlineBookingRequest> {
    const { request, hold } = await this.decisions.open(user, input.requestId);
    await this.transactions.run(async () => {
      await this.decisions.lockPending(request.id);
      if (hold.status === 'held')
        await this.canceller.execute(memberActor(user), {
          appointmentId: hold.id,
          reason: 'other',
          cancelledBy: 'staff',
        });
      await this.requests.decide(request.id, 'rejected', user.memberId, this.clock.now());
    });
    try {
      await this.directory.discardRegistrationRequest(request.registrationRequestId);
    } catch (error) {
      if (!(error instanceof DirectoryUnavailableError)) throw error;
      this.logger.warn({
        msg: 'registration request kept: the directory is unreachable',
        registrationRequestId: request.registrationRequestId,
      });
    }
    return { ...request, status: 'rejected' };
  }
}
