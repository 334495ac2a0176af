import type { Interval } from '../../domain/interval';
import type { MeetingPlan, MemberAnswer, MemberBlock } from '../../domain/meeting-block';

/** A meeting's plan as a coordination event gives it. */
export interface MeetingPlanFact extends Interval {
  meetingId: string;
  structureId: string;
  attendeeIds: readonly string[];
  plannedAt: Date;
}

export interface MeetingBlockPlacement extends Interval {
  meetingId: string;
  structureId: string;
  memberId: string;
}

export type PlacementOutcome = { placed: true } | { placed: false; overlappingAppointments: number };

/**
 * Scheduling's copy of coordination's meetings and the blocks they place in members' agendas; writes join the caller's
 * transaction. Each fact is kept only if newer than the one it replaces, so the copy ends the same whatever the order.
 */
export abstract class MeetingBlockRepository {
  /** Keeps the meeting's time and attendees unless a newer plan is already known. */
  abstract recordPlan(plan: MeetingPlanFact): Promise<void>;

  /** A cancelled meeting stays cancelled, whatever plan arrives after. */
  abstract recordCancellation(meetingId: string, structureId: string, cancelledAt: Date): Promise<void>;

  /** True when the answer is newer than the member's last one, and so kept. */
  abstract recordAnswer(meetingId: string, answer: MemberAnswer): Promise<boolean>;

  /** The meeting, locked for the rest of the transaction: its blocks are changed by one event at a time. */
  abstract lockMeeting(meetingId: string): Promise<MeetingPlan | null>;

  abstract answers(meetingId: string): Promise<MemberAnswer[]>;

  abstract blocks(meetingId: string): Promise<MemberBlock[]>;

  /** Those of the ids who are current members of the structure in scheduling's copy of the directory. */
  abstract currentMembers(structureId: string, memberIds: readonly string[]): Promise<string[]>;

  /**
   * Takes the member's time for the meeting (giving back any former time of the same meeting), unless live
   * appointments overlap it: then nothing is taken and their number is told. The exclusion constraint decides, also
   * against a booking committed meanwhile.
   */
  abstract place(block: MeetingBlockPlacement, now: Date): Promise<PlacementOutcome>;

  /** Gives the member's time back. */
  abstract free(meetingId: string, memberId: string, now: Date): Promise<void>;
}
