import { Injectable } from '@nestjs/common';
import { assertStructureAccess, hasRoleIn, type UserContext } from '@msp/auth';
import { assertUuid } from '../input-checks';
import { PERMISSIONS } from '../permissions';
import {
  WaitlistRepository,
  type WaitlistEntry,
  type WaitlistOffer,
  type WaitlistOfferOfStructure,
} from '../ports/waitlist.repository';

export interface WaitlistView extends WaitlistEntry {
  offer: WaitlistOffer | null;
}

/** Who waits in a structure, first come first served, each with their open offer if any (booking staff). */
@Injectable()
export class WaitlistQuery {
  constructor(private readonly waitlist: WaitlistRepository) {}

  async execute(user: UserContext, input: { structureId: string }): Promise<WaitlistView[]> {
    const structureId = assertUuid(input.structureId, 'structureId');
    assertStructureAccess(user, structureId, PERMISSIONS.book);
    const entries = await this.waitlist.entries(structureId);
    const offers = new Map((await this.waitlist.openOffers(entries.map((e) => e.id))).map((o) => [o.entryId, o]));
    return entries.map((entry) => ({ ...entry, offer: offers.get(entry.id) ?? null }));
  }

  /**
   * Every offer made to these entries (open, accepted, declined, expired), newest first, for the entries of the
   * structures where the caller books; another structure's entry gets none, as if it had had none.
   */
  async offersOf(user: UserContext, entryIds: readonly string[]): Promise<WaitlistOfferOfStructure[]> {
    const offers = await this.waitlist.offersOf(entryIds);
    return offers.filter((offer) => hasRoleIn(user, offer.structureId, PERMISSIONS.book));
  }
}
