import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { memberActor } from '../actor';
import { ConfirmHoldHandler } from '../booking/confirm-hold.handler';
import type { Appointment } from '../ports/appointment.repository';
import { WaitlistRepository } from '../ports/waitlist.repository';
import { lockOpenOffer } from './open-offer';

export interface WaitlistOfferAnswer {
  offerId: string;
}

/** The patient takes the offered slot (recorded by staff): the hold becomes their appointment. */
@Injectable()
export class AcceptWaitlistOfferHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly waitlist: WaitlistRepository,
    private readonly confirmer: ConfirmHoldHandler,
  ) {}

  execute(user: UserContext, input: WaitlistOfferAnswer): Promise<Appointment> {
    return this.transactions.run(async () => {
      const { offer, entry } = await lockOpenOffer(this.waitlist, input.offerId);
      const appointment = await this.confirmer.execute(memberActor(user), {
        holdId: offer.holdId,
        patientId: entry.patientId,
      });
      await this.waitlist.setOfferStatus(offer.id, 'accepted');
      await this.waitlist.setEntryStatus(entry.id, 'booked');
      return appointment;
    });
  }
}
