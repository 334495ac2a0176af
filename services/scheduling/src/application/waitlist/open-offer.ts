import { SchedulingError } from '../../domain/scheduling-error';
import { assertUuid } from '../input-checks';
import type { WaitlistEntry, WaitlistOffer, WaitlistRepository } from '../ports/waitlist.repository';

/** An offer still open, with its entry, both locked for the caller's transaction; answered already, it is refused. */
export async function lockOpenOffer(
  waitlist: WaitlistRepository,
  offerId: string,
): Promise<{ offer: WaitlistOffer; entry: WaitlistEntry }> {
  const offer = await waitlist.lockOffer(assertUuid(offerId, 'offerId'));
  const entry = offer && (await waitlist.lockEntry(offer.entryId));
  if (!offer || !entry) throw SchedulingError.notFound('Waitlist offer', 'offerId');
  if (offer.status !== 'open') throw SchedulingError.invalidTransition(offer.status, 'answered');
  return { offer, entry };
}
