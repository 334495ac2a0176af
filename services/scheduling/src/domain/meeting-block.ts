import type { Interval } from './interval';

export type InvitationAnswer = 'yes' | 'no' | 'maybe';

/** Where a member's block of one meeting stands: taking their time, refused (patients booked over it) or given back. */
export type MeetingBlockState = 'placed' | 'refused' | 'freed';

/** A meeting as scheduling knows it: its newest plan (time, attendees) and whether it was cancelled. */
export interface MeetingPlan {
  meetingId: string;
  structureId: string;
  /** Null while only a cancellation or answers are known. */
  time: Interval | null;
  /** The members the newest plan holds. */
  attendeeIds: readonly string[];
  /** The instant of the newest plan (scheduled or rescheduled). */
  plannedAt: Date | null;
  cancelledAt: Date | null;
}

export interface MemberAnswer {
  memberId: string;
  answer: InvitationAnswer;
  answeredAt: Date;
}

export interface MemberBlock extends Interval {
  memberId: string;
  state: MeetingBlockState;
}

export type BlockDecision = { memberId: string; action: 'place' } | { memberId: string; action: 'free' };

/**
 * Whether the meeting holds the member now: of the newest plan's attendee list and the member's newest answer, the
 * later fact wins (an answer older than the plan is already in its list). Facts, not arrival order, decide: events
 * delivered late or twice give the same answer.
 */
function holds(plan: MeetingPlan, answer: MemberAnswer | undefined, memberId: string): boolean {
  if (!plan.time || !plan.plannedAt || plan.cancelledAt) return false;
  if (answer && answer.answeredAt.getTime() > plan.plannedAt.getTime()) return answer.answer !== 'no';
  return plan.attendeeIds.includes(memberId);
}

const sameTime = (a: Interval, b: Interval) =>
  a.start.getTime() === b.start.getTime() && a.end.getTime() === b.end.getTime();

/**
 * What to change in the members' agendas so that they match the meeting: free the blocks it no longer holds, place the
 * missing ones (or those of a former time). A refusal at the current time stands — replaying an event never emits a
 * second refusal — unless `retryFor` (a member who has just answered yes or maybe) asks for a new attempt. Frees come
 * first; members in id order, so concurrent placements take their locks in one order.
 */
export function meetingBlockDecisions(
  plan: MeetingPlan,
  answers: readonly MemberAnswer[],
  blocks: readonly MemberBlock[],
  retryFor?: string,
): BlockDecision[] {
  const answerOf = new Map(answers.map((a) => [a.memberId, a]));
  const blockOf = new Map(blocks.map((b) => [b.memberId, b]));
  const members = [...new Set([...plan.attendeeIds, ...answerOf.keys(), ...blockOf.keys()])].sort();
  const frees: BlockDecision[] = [];
  const places: BlockDecision[] = [];
  for (const memberId of members) {
    const block = blockOf.get(memberId);
    if (!holds(plan, answerOf.get(memberId), memberId)) {
      if (block && block.state !== 'freed') frees.push({ memberId, action: 'free' });
      continue;
    }
    const current = block && plan.time && sameTime(block, plan.time);
    if (current && block.state === 'placed') continue;
    if (current && block.state === 'refused' && retryFor !== memberId) continue;
    places.push({ memberId, action: 'place' });
  }
  return [...frees, ...places];
}
