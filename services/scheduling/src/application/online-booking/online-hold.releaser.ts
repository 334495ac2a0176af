import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { AppointmentRepository, type Appointment } from '../ports/appointment.repository';
import { OnlineBookingRequestRepository } from '../ports/online-booking-request.repository';
import { SlotReservation } from '../booking/slot-reservation';

/** Lets an online hold lapse now (its expiry brought forward), recording the lapse like any other. */
@Injectable()
export class OnlineHoldReleaser {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly appointments: AppointmentRepository,
    private readonly requests: OnlineBookingRequestRepository,
    private readonly reservation: SlotReservation,
  ) {}

  release(hold: Pick<Appointment, 'id' | 'practitionerId' | 'startsAt' | 'endsAt'>, now: Date): Promise<void> {
    return this.transactions.run(async () => {
      await this.requests.expireHold(hold.id, now);
      const lapsed = await this.appointments.lapseHoldsOverlapping(
        hold.practitionerId,
        hold.startsAt,
        hold.endsAt,
        now,
      );
      await this.reservation.recordLapsed(lapsed, now);
    });
  }
}
