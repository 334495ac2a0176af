import type { UserContext } from '@msp/auth';
import type { BookingChannel } from '../domain/booking-channel';

/**
 * Who acts: a member through GraphQL (the gateway vouched for them), another platform service (internal API), or a
 * patient on the practice's public booking page (nobody vouched for them: they are not identified here).
 */
export type Actor = { kind: 'member'; user: UserContext } | { kind: 'service'; service: string } | { kind: 'online' };

export const memberActor = (user: UserContext): Actor => ({ kind: 'member', user });

export const ONLINE_PATIENT: Actor = { kind: 'online' };

/**
 * A waiting patient answering an offer through the link they were sent: the link's secret token vouches for the
 * offer, so the answer runs as the platform's waitlist, which made the offer (recorded as `service:waitlist-link`).
 */
export const WAITLIST_LINK_ACTOR: Actor = { kind: 'service', service: 'waitlist-link' };

/** Members book as staff; the call-routing service is the virtual secretary; patients book online. */
export function channelOf(actor: Actor): BookingChannel {
  if (actor.kind === 'member') return 'staff';
  return actor.kind === 'online' ? 'online' : 'virtual_secretary';
}

export function actorId(actor: Actor): string {
  if (actor.kind === 'member') return actor.user.memberId;
  return actor.kind === 'online' ? 'online' : `service:${actor.service}`;
}
