import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { memberActor } from '../actor';
import { CancelAppointmentHandler } from '../booking/cancel-appointment.handler';
import { OnlineBookingRequestRepository, type OnlineBookingRequest } from '../ports/online-booking-request.repository';
import type { OnlineRequestDecisionInput } from './confirm-online-request.handler';
import { OnlineRequestDecisions } from './online-request.decisions';
import { TypedIdentityDiscarder } from './typed-identity.discarder';

/** Staff turn an online booking down: the slot is free again and the directory forgets what was typed. */
@Injectable()
export class RejectOnlineRequestHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly decisions: OnlineRequestDecisions,
    private readonly requests: OnlineBookingRequestRepository,
    private readonly discarder: TypedIdentityDiscarder,
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
    await this.discarder.discard(request.registrationRequestId);
    return { ...request, status: 'rejected' };
  }
}
