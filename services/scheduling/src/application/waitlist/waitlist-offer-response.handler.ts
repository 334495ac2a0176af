import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { SchedulingError } from '../../domain/scheduling-error';
import type { AppointmentEntity } from '../../infrastructure/entities/appointment.entity';
import {
  WaitlistRepository,
  type WaitlistEntry,
  type WaitlistOffer,
} from '../../infrastructure/repositories/waitlist.repository';
import { memberActor } from '../actor';
import { assertUuid } from '../input-checks';
import { CancelAppointmentHandler } from '../booking/cancel-appointment.handler';
import { ConfirmHoldHandler } from '../booking/confirm-hold.handler';
import { WaitlistOfferer } from './waitlist-offerer';

/**
 * The patient's answer to an offer, recorded by staff: accepted, the hold becomes their appointment; declined, the slot
 * goes to the next waiting patient at once (the decliner keeps waiting for another one).
 */
@Injectable()
export class WaitlistOfferResponseHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly waitlist: WaitlistRepository,
    private readonly confirmer: ConfirmHoldHandler,
    private readonly canceller: CancelAppointmentHandler,
    private readonly offerer: WaitlistOfferer,
  ) {}

  accept(user: UserContext, offerId: string): Promise<AppointmentEntity> {
    return this.transactions.run(async () => {
      const { offer, entry } = await this.openOffer(offerId);
      const appointment = await this.confirmer.execute(memberActor(user), {
        holdId: offer.holdId,
        patientId: entry.patientId,
      });
      await this.waitlist.setOfferStatus(offer.id, 'accepted');
      await this.waitlist.setEntryStatus(entry.id, 'booked');
      return appointment;
    });
  }

  decline(user: UserContext, offerId: string): Promise<WaitlistOffer> {
    return this.transactions.run(async () => {
      const { offer, entry } = await this.openOffer(offerId);
      await this.canceller.execute(memberActor(user), {
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

  private async openOffer(offerId: string): Promise<{ offer: WaitlistOffer; entry: WaitlistEntry }> {
    const offer = await this.waitlist.lockOffer(assertUuid(offerId, 'offerId'));
    const entry = offer && (await this.waitlist.lockEntry(offer.entryId));
    if (!offer || !entry) throw SchedulingError.notFound('Waitlist offer', 'offerId');
    if (offer.status !== 'open') throw SchedulingError.invalidTransition(offer.status, 'answered');
    return { offer, entry };
  }
}
