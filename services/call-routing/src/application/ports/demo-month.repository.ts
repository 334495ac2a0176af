/** What a structure's demo month came to, kept with its marker and logged. */
export interface DemoMonthSummary {
  month: string;
  planned: number;
  calls: number;
  handledWithoutHuman: number;
  messagesTaken: number;
  transferredToHuman: number;
  redirectedTo15: number;
  duringConsultation: number;
  consultationsInterrupted: number;
  interruptionsAvoided: number;
  /** Consultations of the month in call routing's copy when the play began (scheduling's demo month). */
  consultationsInCopy: number;
  durationMs: number;
}

/**
 * The demo month's marker (one play per structure, claimed with a heartbeat so that two instances never play the same
 * structure at once and a dead one's claim lapses) and the copies it reads before playing.
 */
export abstract class DemoMonthRepository {
  /** Structures whose demo month is finished. */
  abstract finished(): Promise<string[]>;
  /**
   * Takes the structure's play for `claimant` when nobody played it and no other claim is alive (heartbeat within
   * `leaseMs` of `now`); true when taken. Taking it again after a lapse resumes the play.
   */
  abstract claim(structureId: string, month: string, claimant: string, now: Date, leaseMs: number): Promise<boolean>;
  abstract heartbeat(structureId: string, claimant: string, now: Date): Promise<void>;
  abstract finish(structureId: string, claimant: string, now: Date, summary: DemoMonthSummary): Promise<void>;
  /** Current general practitioners of the structure in the directory copy, by id, with the sites they work at. */
  abstract generalPractitioners(structureId: string): Promise<Array<{ memberId: string; siteIds: string[] }>>;
  /** Consultations of these practitioners started in [from, to) in the copy of scheduling's events. */
  abstract consultationsStarted(practitionerIds: readonly string[], from: Date, to: Date): Promise<number>;
}
