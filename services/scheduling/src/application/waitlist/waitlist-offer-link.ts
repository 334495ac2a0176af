import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@msp/service-kit';
import { SchedulingError } from '../../domain/scheduling-error';
import { WAITLIST_LINK_ACTOR } from '../actor';
import { AgendaRepository } from '../ports/agenda.repository';
import { PatientDirectory } from '../ports/patient-directory.port';
import { WaitlistRepository, type WaitlistOfferStatus } from '../ports/waitlist.repository';
import { AcceptWaitlistOfferHandler } from './accept-waitlist-offer.handler';
import { DeclineWaitlistOfferHandler } from './decline-waitlist-offer.handler';
import { answerTokenHash } from './waitlist-offerer';

/** What the answer page shows: the slot and whether it can still be answered. No patient, no motif. */
export interface WaitlistOfferLinkView {
  status: WaitlistOfferStatus;
  /** Open but past its expiry: it can no longer be accepted. */
  lapsed: boolean;
  startsAt: Date;
  endsAt: Date;
  expiresAt: Date;
  timeZone: string;
  /** Empty when the directory cannot say. */
  siteName: string;
  siteAddress: string;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A waiting patient answers an offer through the links they were sent (SCH-9): the token, unguessable and kept only as
 * a SHA-256, stands for the offer; anything else — an unknown or malformed token — is NOT_FOUND on `token`, the same
 * way. Accepting and declining run the staff's handlers as the waitlist (WAITLIST_LINK_ACTOR): a second answer is
 * refused (CONFLICT), a lapsed hold is HOLD_LAPSED.
 */
@Injectable()
export class WaitlistOfferLink {
  private readonly logger = new Logger(WaitlistOfferLink.name);

  constructor(
    private readonly waitlist: WaitlistRepository,
    private readonly agenda: AgendaRepository,
    private readonly directory: PatientDirectory,
    private readonly accepter: AcceptWaitlistOfferHandler,
    private readonly decliner: DeclineWaitlistOfferHandler,
    private readonly clock: Clock,
  ) {}

  async view(token: string): Promise<WaitlistOfferLinkView> {
    return this.describe(await this.offerIdOf(token));
  }

  async accept(token: string): Promise<WaitlistOfferLinkView> {
    const offerId = await this.offerIdOf(token);
    await this.accepter.executeAs(WAITLIST_LINK_ACTOR, { offerId });
    return this.describe(offerId);
  }

  async decline(token: string): Promise<WaitlistOfferLinkView> {
    const offerId = await this.offerIdOf(token);
    await this.decliner.executeAs(WAITLIST_LINK_ACTOR, { offerId });
    return this.describe(offerId);
  }

  private async offerIdOf(token: string): Promise<string> {
    const offerId = TOKEN.test(token) ? await this.waitlist.offerIdByTokenHash(answerTokenHash(token)) : null;
    if (!offerId) throw SchedulingError.notFound('Waitlist offer', 'token');
    return offerId;
  }

  private async describe(offerId: string): Promise<WaitlistOfferLinkView> {
    const offer = await this.waitlist.offer(offerId);
    if (!offer) throw SchedulingError.notFound('Waitlist offer', 'token');
    const site = await this.agenda.site(offer.siteId);
    let summary: { name: string; address: string } | null = null;
    try {
      summary = await this.directory.site(offer.siteId);
    } catch (error) {
      // The page still answers without the site's name: the time is what the patient decides on.
      this.logger.warn(`Site name unavailable for an offer page: ${(error as Error).message}`);
    }
    return {
      status: offer.status,
      lapsed: offer.status === 'open' && offer.expiresAt.getTime() <= this.clock.now().getTime(),
      startsAt: offer.startsAt,
      endsAt: offer.endsAt,
      expiresAt: offer.expiresAt,
      timeZone: site?.timeZone ?? 'Europe/Paris',
      siteName: summary?.name ?? '',
      siteAddress: summary?.address ?? '',
    };
  }
}
