import { Injectable } from '@nestjs/common';
import { BookingConfirmation, type MatchedOnlineBooking } from '../../application/ports/booking-confirmation.port';

/** Confirmation at the desk: nothing to send; staff see the request among the pending ones and confirm it. */
@Injectable()
export class DeskBookingConfirmation extends BookingConfirmation {
  readonly method = 'desk' as const;

  async begin(_booking: MatchedOnlineBooking): Promise<void> {
    // Listed to staff by PendingOnlineRequestsQuery: the desk is the second step.
  }
}
