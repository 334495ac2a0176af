import type { UserContext } from '@msp/auth';

/**
 * Who acts: a member through GraphQL (the gateway vouched for them), or the platform itself — a fact from another
 * service's event, or the deadline sweep. The platform is recorded as nobody (null) in the audit trail.
 */
export type Actor = { kind: 'member'; user: UserContext } | { kind: 'platform'; source: string };

export const memberActor = (user: UserContext): Actor => ({ kind: 'member', user });

export const platformActor = (source: string): Actor => ({ kind: 'platform', source });

export function actorMemberId(actor: Actor): string | null {
  return actor.kind === 'member' ? actor.user.memberId : null;
}
