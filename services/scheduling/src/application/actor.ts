import type { UserContext } from '@msp/auth';
import type { BookingChannel } from '../domain/booking-channel';

/** Who acts: a member through GraphQL (the gateway vouched for them) or another platform service (internal API). */
export type Actor = { kind: 'member'; user: UserContext } | { kind: 'service'; service: string };

export const memberActor = (user: UserContext): Actor => ({ kind: 'member', user });

/** Members book as staff; the call-routing service is the virtual secretary. */
export function channelOf(actor: Actor): BookingChannel {
  return actor.kind === 'member' ? 'staff' : 'virtual_secretary';
}

export function actorId(actor: Actor): string {
  return actor.kind === 'member' ? actor.user.memberId : `service:${actor.service}`;
}
