import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { SchedulingError } from '../../domain/scheduling-error';
import { assertUuid } from '../input-checks';
import { assertMayBook } from '../permissions';
import { AppointmentRepository, type Appointment } from '../ports/appointment.repository';
import { OnlineBookingRequestRepository, type OnlineBookingRequest } from '../ports/online-booking-request.repository';

/** What confirming and turning down a new patient's online booking share: finding it undecided, and locking it. */
@Injectable()
export class OnlineRequestDecisions {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly requests: OnlineBookingRequestRepository,
    private readonly appointments: AppointmentRepository,
  ) {}

  /** The undecided request and its hold, if the caller may book for the hold's practitioner at its site. */
  open(user: UserContext, requestId: string): Promise<{ request: OnlineBookingRequest; hold: Appointment }> {
    const id = assertUuid(requestId, 'input.requestId');
    return this.transactions.run(async () => {
      const request = await this.requests.lockById(id);
      const hold = request && (await this.appointments.findById(request.holdId));
      if (!request || !hold) throw SchedulingError.notFound('Online booking request', 'input.requestId');
      assertMayBook(
        user,
        hold.structureId,
        hold.siteId,
        hold.practitionerId,
        SchedulingError.notFound('Online booking request', 'input.requestId'),
      );
      if (request.status !== 'pending') throw SchedulingError.invalidTransition(request.status, 'decided again');
      return { request, hold };
    });
  }

  /** Locks the request in the caller's transaction; decided meanwhile (by someone else), it is refused. */
  async lockPending(id: string): Promise<OnlineBookingRequest> {
    const request = await this.requests.lockById(id);
    if (!request || request.status !== 'pending')
      throw SchedulingError.invalidTransition(request?.status ?? 'unknown', 'decided again');
    return request;
  }
}
