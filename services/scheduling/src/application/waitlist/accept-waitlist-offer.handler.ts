import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { memberActor, type Actor } from '../actor';
import { ConfirmHoldHandler } from '../booking/confirm-hold.handler';
import type { Appointment } from '../ports/appointment.repository';
import { WaitlistRepository } from '../ports/waitlist.repository';
import { lockOpenOffer } from './open-offer';

export interface WaitlistOfferAnswer {
  offerId: string;
}

/** The patient takes the offered slot (by their answer link, or recorded by staff): the hold becomes their appointment. */
@Injectable()
export class AcceptWaitlistOfferHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly waitlist: WaitlistRepository,
    private readonly confirmer: ConfirmHoldHandler,
  ) {}

  execute(user: UserContext, input: WaitlistOfferAnswer): Promise<Appointment> {
    return this.executeAs(memberActor(user), input);
  }

  /** As the patient through their answer link (WAITLIST_LINK_ACTOR), or staff. */
  executeAs(actor: Actor, input: WaitlistOfferAnswer): Promise<Appointment> {
    return this.transactions.run(async () => {
      const { offer, entry } = await lockOpenOffer(this.waitlist, input.offerId);
      const appointment = await this.confirmer.execute(actor, {
        holdId: offer.holdId,
        patientId: entry.patientId,
      });
      await this.waitlist.setOfferStatus(offer.id, 'accepted');
      await this.waitlist.setEntryStatus(entry.id, 'booked');
      return appointment;
    });
  }
}
