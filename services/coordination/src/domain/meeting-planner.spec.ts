import {
  candidateStarts,
  minuteOfDay,
  proposeMeetings,
  type InviteeTime,
  type PlanningWindow,
  type TimeSpan,
} from './meeting-planner';

const at = (iso: string) => new Date(iso);
const span = (from: string, to: string): TimeSpan => ({ startsAt: at(from), endsAt: at(to) });
const paris = (window: Partial<PlanningWindow> & Pick<PlanningWindow, 'from' | 'to'>): PlanningWindow => ({
  timeZone: 'Europe/Paris',
  durationMinutes: 90,
  earliestMinute: 8 * 60,
  latestMinute: 20 * 60,
  weekdays: [1, 2, 3, 4, 5],
  ...window,
});

describe('candidate starts', () => {
  it('lie on the quarter hours of local working hours, the slot ending by the latest time', () => {
    const starts = candidateStarts(
      paris({ from: at('2026-12-08T00:00:00Z'), to: at('2026-12-09T00:00:00Z'), durationMinutes: 60 }),
    );
    // Tuesday in Paris (UTC+1): 08:00 … 19:00 local.
    expect(starts[0].startsAt.toISOString()).toBe('2026-12-08T07:00:00.000Z');
    expect(starts.at(-1)?.startsAt.toISOString()).toBe('2026-12-08T18:00:00.000Z');
    expect(starts).toHaveLength(45);
    expect(starts.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 3_600_000)).toBe(true);
  });

  it('keep 12:30 at 12:30 local on both sides of a DST change', () => {
    const window = paris({
      from: at('2026-10-23T00:00:00Z'),
      to: at('2026-10-28T00:00:00Z'),
      earliestMinute: 12 * 60 + 30,
      latestMinute: 14 * 60,
    });
    const starts = candidateStarts(window).map((s) => s.startsAt.toISOString());
    // Friday 23 October (UTC+2), Monday 26 and Tuesday 27 (UTC+1 after the 25th); the weekend is skipped.
    expect(starts).toEqual(['2026-10-23T10:30:00.000Z', '2026-10-26T11:30:00.000Z', '2026-10-27T11:30:00.000Z']);
  });

  it('skip a local time that does not exist on the spring change', () => {
    const starts = candidateStarts(
      paris({
        from: at('2026-03-28T00:00:00Z'),
        to: at('2026-03-30T00:00:00Z'),
        weekdays: [7],
        durationMinutes: 30,
        earliestMinute: 2 * 60,
        latestMinute: 3 * 60 + 30,
      }),
    ).map((s) => s.startsAt.toISOString());
    // Sunday 29 March 2026: 02:00–02:59 do not exist in Paris; 03:00 is 01:00 UTC.
    expect(starts).toEqual(['2026-03-29T01:00:00.000Z']);
  });

  it('stay inside the window and on the allowed weekdays', () => {
    const starts = candidateStarts(
      paris({ from: at('2026-12-08T11:00:00Z'), to: at('2026-12-13T00:00:00Z'), weekdays: [2, 6] }),
    );
    expect(starts[0].startsAt.toISOString()).toBe('2026-12-08T11:00:00.000Z');
    const days = new Set(starts.map((s) => s.startsAt.toISOString().slice(0, 10)));
    expect([...days]).toEqual(['2026-12-08', '2026-12-12']);
  });

  it('read local times strictly', () => {
    expect(minuteOfDay('12:30', 'input.earliestLocalTime')).toBe(750);
    expect(() => minuteOfDay('24:00', 'input.latestLocalTime')).toThrow(/input\.latestLocalTime/);
    expect(() => minuteOfDay('9h', 'input.earliestLocalTime')).toThrow(/HH:mm/);
  });
});

describe('ranking proposals', () => {
  const candidates = [
    span('2026-12-08T08:00:00Z', '2026-12-08T09:00:00Z'),
    span('2026-12-08T11:30:00Z', '2026-12-08T12:30:00Z'),
    span('2026-12-08T11:45:00Z', '2026-12-08T12:45:00Z'),
    span('2026-12-08T17:00:00Z', '2026-12-08T18:00:00Z'),
  ];
  const consulting = [
    span('2026-12-08T07:30:00Z', '2026-12-08T11:30:00Z'),
    span('2026-12-08T13:00:00Z', '2026-12-08T18:00:00Z'),
  ];

  it('puts slots where all are free first, outside consulting hours before inside, then the earliest', () => {
    const invitees: InviteeTime[] = [
      { memberId: 'a', busy: [], consultingHours: consulting },
      { memberId: 'b', busy: [], consultingHours: [] },
    ];
    const proposals = proposeMeetings(candidates, invitees, 10);
    expect(proposals.map((p) => p.startsAt.toISOString())).toEqual([
      '2026-12-08T11:30:00.000Z',
      '2026-12-08T08:00:00.000Z',
      '2026-12-08T17:00:00.000Z',
    ]);
    expect(proposals[0]).toMatchObject({ missingMemberIds: [], inConsultingHoursMemberIds: [] });
    expect(proposals[1].inConsultingHoursMemberIds).toEqual(['a']);
  });

  it('ranks partial proposals by how many are missing and names them', () => {
    const invitees: InviteeTime[] = [
      { memberId: 'a', busy: [span('2026-12-08T00:00:00Z', '2026-12-09T00:00:00Z')], consultingHours: [] },
      { memberId: 'b', busy: [span('2026-12-08T11:00:00Z', '2026-12-08T13:00:00Z')], consultingHours: [] },
      { memberId: 'c', busy: [], consultingHours: [] },
    ];
    const proposals = proposeMeetings(candidates, invitees, 10);
    expect(proposals.map((p) => [p.startsAt.toISOString(), p.missingMemberIds])).toEqual([
      ['2026-12-08T08:00:00.000Z', ['a']],
      ['2026-12-08T17:00:00.000Z', ['a']],
      ['2026-12-08T11:30:00.000Z', ['a', 'b']],
    ]);
    expect(proposals[0].freeMemberIds).toEqual(['b', 'c']);
  });

  it('treats a busy interval touching the slot as free, one overlapping by a minute as busy, unsorted input alike', () => {
    const invitees: InviteeTime[] = [
      {
        memberId: 'a',
        busy: [
          span('2026-12-08T12:44:00Z', '2026-12-08T13:00:00Z'),
          span('2026-12-08T09:00:00Z', '2026-12-08T11:30:00Z'),
        ],
        consultingHours: [],
      },
    ];
    const byStart = new Map(
      proposeMeetings(candidates, invitees, 10).map((p) => [p.startsAt.toISOString(), p.missingMemberIds]),
    );
    expect(byStart.get('2026-12-08T08:00:00.000Z')).toEqual([]);
    expect(byStart.get('2026-12-08T11:30:00.000Z')).toEqual([]);
  });

  it('never proposes two overlapping slots and stops at the limit', () => {
    const invitees: InviteeTime[] = [{ memberId: 'a', busy: [], consultingHours: [] }];
    const proposals = proposeMeetings(candidates, invitees, 2);
    expect(proposals.map((p) => p.startsAt.toISOString())).toEqual([
      '2026-12-08T08:00:00.000Z',
      '2026-12-08T11:30:00.000Z',
    ]);
  });
});
