import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { memberActor, type Actor } from '../actor';
import { CancelAppointmentHandler } from '../booking/cancel-appointment.handler';
import { WaitlistRepository, type WaitlistOffer } from '../ports/waitlist.repository';
import type { WaitlistOfferAnswer } from './accept-waitlist-offer.handler';
import { lockOpenOffer } from './open-offer';
import { WaitlistOfferer } from './waitlist-offerer';

/**
 * The patient declines the offered slot (by their answer link, or recorded by staff): it goes to the next waiting patient at once, and the
 * decliner keeps waiting for another one.
 */
@Injectable()
export class DeclineWaitlistOfferHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly waitlist: WaitlistRepository,
    private readonly canceller: CancelAppointmentHandler,
    private readonly offerer: WaitlistOfferer,
  ) {}

  execute(user: UserContext, input: WaitlistOfferAnswer): Promise<WaitlistOffer> {
    return this.executeAs(memberActor(user), input);
  }

  /** As the patient through their answer link (WAITLIST_LINK_ACTOR), or staff. */
  executeAs(actor: Actor, input: WaitlistOfferAnswer): Promise<WaitlistOffer> {
    return this.transactions.run(async () => {
      const { offer, entry } = await lockOpenOffer(this.waitlist, input.offerId);
      await this.canceller.execute(actor, {
        appointmentId: offer.holdId,
        reason: 'patient_request',
        cancelledBy: 'patient',
      });
      await this.waitlist.setOfferStatus(offer.id, 'declined');
      await this.waitlist.setEntryStatus(entry.id, 'waiting');
      await this.offerer.offer({
        structureId: entry.structureId,
        siteId: offer.siteId,
        practitionerId: offer.practitionerId,
        startsAt: offer.startsAt,
      });
      return { ...offer, status: 'declined' };
    });
  }
}
