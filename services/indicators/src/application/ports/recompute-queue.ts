/** A month of a structure to recompute. */
export interface PendingRecompute {
  structureId: string;
  /** YYYY-MM */
  month: string;
}

/**
 * Months whose facts changed and whose indicators have not been recomputed since: marked in the transaction that keeps
 * the fact, taken by the recompute job in the transaction that announces the new values.
 */
export abstract class RecomputeQueue {
  /** Marks the month in the active transaction; a month marked twice is recomputed once. */
  abstract mark(structureId: string, month: string): Promise<void>;
  /** The structure's marked months from `fromMonth` to `toMonth` (YYYY-MM, inclusive). */
  abstract markedMonths(structureId: string, fromMonth: string, toMonth: string): Promise<string[]>;
  /**
   * Takes up to `limit` marks in the active transaction (removed when it commits, back if it rolls back); marks
   * another replica holds are skipped.
   */
  abstract take(limit: number): Promise<PendingRecompute[]>;
}
