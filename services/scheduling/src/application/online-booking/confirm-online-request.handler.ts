import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { HOLD_LAPSED } from '../../domain/appointment-status';
import { SchedulingError } from '../../domain/scheduling-error';
import { memberActor } from '../actor';
import { ConfirmHoldHandler } from '../booking/confirm-hold.handler';
import type { Appointment } from '../ports/appointment.repository';
import { OnlineBookingRequestRepository } from '../ports/online-booking-request.repository';
import { PatientDirectory } from '../ports/patient-directory.port';
import { OnlineRequestDecisions } from './online-request.decisions';
import { TypedIdentityDiscarder } from './typed-identity.discarder';

export interface OnlineRequestDecisionInput {
  requestId: string;
}

/**
 * Staff confirm an online booking (the desk `BookingConfirmation`): a matched patient's hold becomes their appointment
 * and the directory forgets what was typed; for anyone else the directory registers the patient from what was typed
 * (or finds them, registered meanwhile) and the hold becomes theirs.
 */
@Injectable()
export class ConfirmOnlineRequestHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly decisions: OnlineRequestDecisions,
    private readonly requests: OnlineBookingRequestRepository,
    private readonly directory: PatientDirectory,
    private readonly confirmer: ConfirmHoldHandler,
    private readonly discarder: TypedIdentityDiscarder,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: OnlineRequestDecisionInput): Promise<Appointment> {
    const { request, hold } = await this.decisions.open(user, input.requestId);
    const lapsed =
      hold.cancelReason === HOLD_LAPSED ||
      (hold.status === 'held' && (hold.holdExpiresAt?.getTime() ?? 0) <= this.clock.now().getTime());
    if (lapsed) throw SchedulingError.holdLapsed();
    const patientId =
      request.patientId ?? (await this.directory.registerFromRequest(request.registrationRequestId, user.memberId));
    const booked = await this.transactions.run(async () => {
      const locked = await this.decisions.lockPending(request.id);
      const appointment = await this.confirmer.execute(memberActor(user), { holdId: locked.holdId, patientId });
      await this.requests.decide(locked.id, 'confirmed', user.memberId, this.clock.now());
      return appointment;
    });
    if (request.patientId) await this.discarder.discard(request.registrationRequestId);
    return booked;
  }
}
