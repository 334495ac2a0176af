import { meetingBlockDecisions, type MeetingPlan } from './meeting-block';

const A = 'a0000000-0000-4000-8000-000000000001';
const B = 'b0000000-0000-4000-8000-000000000002';
const at = (iso: string) => new Date(iso);
const time = { start: at('2026-12-01T11:00:00Z'), end: at('2026-12-01T12:00:00Z') };
const plan = (overrides: Partial<MeetingPlan> = {}): MeetingPlan => ({
  meetingId: 'm',
  structureId: 's',
  time,
  attendeeIds: [A, B],
  plannedAt: at('2026-11-20T09:00:00Z'),
  cancelledAt: null,
  ...overrides,
});

describe('meetingBlockDecisions', () => {
  it('places every attendee without a block, in member order', () => {
    expect(meetingBlockDecisions(plan({ attendeeIds: [B, A] }), [], [])).toEqual([
      { memberId: A, action: 'place' },
      { memberId: B, action: 'place' },
    ]);
  });

  it('keeps placed and refused blocks at the same time (a replay changes nothing), moves those of another time', () => {
    const blocks = [
      { memberId: A, ...time, state: 'refused' as const },
      { memberId: B, start: at('2026-12-01T08:00:00Z'), end: at('2026-12-01T09:00:00Z'), state: 'placed' as const },
    ];
    expect(meetingBlockDecisions(plan(), [], blocks)).toEqual([{ memberId: B, action: 'place' }]);
    expect(meetingBlockDecisions(plan(), [], blocks, A)).toEqual([
      { memberId: A, action: 'place' },
      { memberId: B, action: 'place' },
    ]);
  });

  it('the later of the plan and an answer decides, frees first', () => {
    const blocks = [{ memberId: A, ...time, state: 'placed' as const }];
    const no = { memberId: A, answer: 'no' as const, answeredAt: at('2026-11-21T09:00:00Z') };
    expect(meetingBlockDecisions(plan(), [no], blocks)).toEqual([
      { memberId: A, action: 'free' },
      { memberId: B, action: 'place' },
    ]);
    // An answer older than the plan is already in its attendee list.
    expect(meetingBlockDecisions(plan({ plannedAt: at('2026-11-22T09:00:00Z') }), [no], blocks)).toEqual([
      { memberId: B, action: 'place' },
    ]);
  });

  it('a cancelled meeting frees every block that still holds or was refused', () => {
    const blocks = [
      { memberId: A, ...time, state: 'placed' as const },
      { memberId: B, ...time, state: 'freed' as const },
    ];
    expect(meetingBlockDecisions(plan({ cancelledAt: at('2026-11-25T09:00:00Z') }), [], blocks)).toEqual([
      { memberId: A, action: 'free' },
    ]);
  });
});
