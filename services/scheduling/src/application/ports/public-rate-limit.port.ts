/** The public rate limit's counters, shared by every replica (PostgreSQL): only their upkeep is asked here. */
export abstract class PublicRateLimitCounters {
  /** Deletes the windows that ended before `now`. */
  abstract dropEnded(now: Date): Promise<void>;
}
