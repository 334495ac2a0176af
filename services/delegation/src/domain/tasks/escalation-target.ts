/** The people a delegate's task can go back to, in order (DEL-5). */
export interface EscalationChain {
  referentId: string | null;
  backupReferentId: string | null;
  /** The physician the task is done for, when it names one. */
  physicianId: string | null;
}

export type EscalationTarget = { kind: 'member'; memberId: string } | { kind: 'site_practitioners' };

/**
 * Whom a task escalates to: the delegate's referent, their backup when the referent is away, the task's physician
 * when both are; nobody who is away. When everyone named is away, the site's practitioners see it: nothing waits
 * on someone absent.
 */
export function escalationTarget(chain: EscalationChain, isAway: (memberId: string) => boolean): EscalationTarget {
  for (const memberId of [chain.referentId, chain.backupReferentId, chain.physicianId]) {
    if (memberId && !isAway(memberId)) return { kind: 'member', memberId };
  }
  return { kind: 'site_practitioners' };
}
