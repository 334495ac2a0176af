import { demoMonth } from '@msp/service-kit';
import { DateTime } from 'luxon';
import { DEFAULT_PLURIPROFESSIONAL_RULE, meetsRule, professionsPresent } from '../domain/pluriprofessional-rule';
import { pickCases } from './demo-month.player';
import {
  MINUTES_PER_CASE,
  planCoordinationMonth,
  RCP_ACTION_ITEMS,
  type CoordinationMonthParams,
  type PlannedMeeting,
} from './demo-month.plan';

const ZONE = 'Europe/Paris';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const clinical = [
  ...[1, 2, 3, 4, 5].map((n) => ({ memberId: id(n), profession: 'general_practitioner' })),
  { memberId: id(6), profession: 'nurse' },
  { memberId: id(7), profession: 'nurse' },
  { memberId: id(8), profession: 'advanced_practice_nurse' },
  { memberId: id(9), profession: 'physiotherapist' },
  { memberId: id(10), profession: 'pharmacist' },
  { memberId: id(11), profession: 'psychologist' },
  { memberId: id(12), profession: 'dietitian' },
];
const coordinatorId = id(99);
const professionOf = new Map<string, string>([
  ...clinical.map((m): [string, string] => [m.memberId, m.profession]),
  [coordinatorId, 'care_coordinator'],
]);
const params = (overrides: Partial<CoordinationMonthParams> = {}): CoordinationMonthParams => ({
  seed: 'structure-1:coordination-demo-month',
  now: new Date('2026-12-01T06:00:00Z'),
  zone: ZONE,
  coordinatorId,
  clinical,
  ...overrides,
});
const local = (instant: Date) => DateTime.fromJSDate(instant, { zone: ZONE });
const instantsOf = (m: PlannedMeeting) => [
  m.scheduledAt,
  ...m.answers.map((a) => a.at),
  m.agendaAt,
  m.startsAt,
  m.recordedAt,
  m.minutesAt,
  m.closedAt,
];
const verdict = (m: PlannedMeeting) =>
  meetsRule(
    professionsPresent(m.attendance.filter((a) => a.status === 'present').map((a) => professionOf.get(a.memberId)!)),
    DEFAULT_PLURIPROFESSIONAL_RULE,
  );

describe('the demo month of coordination (a pure plan)', () => {
  it('plays the same month from the same seed, and other answers for another structure', () => {
    expect(planCoordinationMonth(params())).toEqual(planCoordinationMonth(params()));
    const answers = (seed: string) =>
      planCoordinationMonth(params({ seed }))
        .meetings.flatMap((m) => m.answers.map((a) => `${a.memberId}:${a.answer}`))
        .join();
    expect(answers('structure-2:coordination-demo-month')).not.toEqual(answers('structure-1:coordination-demo-month'));
  });

  it('holds the month’s RCP on its first Tuesday at 12:30 and a synthesis on the third Thursday, both in the month', () => {
    const { month, meetings } = planCoordinationMonth(params());
    expect(month).toBe('2026-11');
    expect(
      meetings.map((m) => [m.kind, local(m.startsAt).toFormat('yyyy-MM-dd HH:mm'), local(m.endsAt).toFormat('HH:mm')]),
    ).toEqual([
      ['rcp', '2026-11-03 12:30', '14:00'],
      ['synthesis', '2026-11-19 12:30', '13:30'],
    ]);
  });

  it('moves the RCP to the next working day when the first Tuesday is a public holiday', () => {
    // November 2022: Tuesday 1 is All Saints.
    const { meetings } = planCoordinationMonth(params({ now: new Date('2022-12-05T10:00:00Z') }));
    expect(local(meetings[0].startsAt).toFormat('yyyy-MM-dd cccc HH:mm')).toBe('2022-11-02 Wednesday 12:30');
  });

  it('does nothing on a weekend or a public holiday, and every step in its order', () => {
    for (const now of ['2026-12-01T06:00:00Z', '2022-12-05T10:00:00Z', '2027-06-02T10:00:00Z']) {
      const first = demoMonth(new Date(now), ZONE);
      const before = demoMonth(DateTime.fromISO(`${first.month}-01T12:00`, { zone: ZONE }).toJSDate(), ZONE);
      const working = new Set([...before.workingDays, ...first.workingDays].map((d) => d.date));
      for (const seed of ['a', 'b', 'c'])
        for (const meeting of planCoordinationMonth(params({ now: new Date(now), seed })).meetings) {
          for (const instant of instantsOf(meeting)) {
            expect(working.has(local(instant).toISODate() as string)).toBe(true);
            expect(local(instant).hour).toBeGreaterThanOrEqual(8);
            expect(local(instant).hour).toBeLessThan(19);
          }
          expect(local(meeting.startsAt).toFormat('yyyy-MM')).toBe(first.month);
          for (const answer of meeting.answers) {
            expect(answer.at > meeting.scheduledAt).toBe(true);
            expect(answer.at < meeting.startsAt).toBe(true);
          }
          expect(meeting.scheduledAt < meeting.agendaAt && meeting.agendaAt < meeting.startsAt).toBe(true);
          expect(meeting.recordedAt >= meeting.endsAt).toBe(true);
          expect(meeting.minutesAt > meeting.recordedAt && meeting.closedAt > meeting.minutesAt).toBe(true);
          expect(local(meeting.closedAt).toFormat('yyyy-MM')).toBe(first.month);
        }
    }
  });

  it('gives the RCP its cases, answers and attendance as the inputs say; the scripted synthesis is one profession', () => {
    const [rcp, synthesis] = planCoordinationMonth(params()).meetings;
    expect(rcp.cases).toHaveLength(90 / MINUTES_PER_CASE);
    expect(rcp.actionItems.length).toBeGreaterThanOrEqual(RCP_ACTION_ITEMS[0]);
    expect(rcp.actionItems.length).toBeLessThanOrEqual(RCP_ACTION_ITEMS[1]);
    expect(rcp.inviteeIds.sort()).toEqual(clinical.map((m) => m.memberId).sort());
    // Everyone invited has an attendance, the coordinator who organised it is there, a "no" never is.
    expect(rcp.attendance.map((a) => a.memberId).sort()).toEqual([coordinatorId, ...rcp.inviteeIds].sort());
    expect(rcp.attendance.find((a) => a.memberId === coordinatorId)?.status).toBe('present');
    for (const { memberId, answer } of rcp.answers)
      if (answer === 'no') expect(rcp.attendance.find((a) => a.memberId === memberId)?.status).toBe('excused');
    for (const a of rcp.attendance.filter((a) => !rcp.answers.some((x) => x.memberId === a.memberId)))
      if (a.memberId !== coordinatorId) expect(a.status).not.toBe('excused');
    expect(new Set(rcp.presentingGpIds)).toEqual(
      new Set(
        rcp.answers
          .filter((a) => a.answer === 'yes' && professionOf.get(a.memberId) === 'general_practitioner')
          .map((a) => a.memberId),
      ),
    );
    expect(verdict(rcp)).toBe(true);

    expect(synthesis.cases).toHaveLength(1);
    expect(professionOf.get(synthesis.organizerId)).toBe('general_practitioner');
    expect(synthesis.inviteeIds.map((m) => professionOf.get(m)).sort()).toEqual(
      ['advanced_practice_nurse', 'general_practitioner', 'nurse', 'physiotherapist'].sort(),
    );
    expect(synthesis.attendance.filter((a) => a.status === 'present').map((a) => professionOf.get(a.memberId))).toEqual(
      ['general_practitioner', 'general_practitioner'],
    );
    expect(verdict(synthesis)).toBe(false);
  });

  it('answers across many structures about as the shares say', () => {
    const answers = Array.from(
      { length: 60 },
      (_, n) => planCoordinationMonth(params({ seed: `s${n}` })).meetings[0],
    ).flatMap((rcp) => rcp.answers);
    const share = (answer: string) => answers.filter((a) => a.answer === answer).length / (60 * clinical.length);
    // Within three standard deviations of the shares over 720 answers.
    expect(share('yes')).toBeGreaterThan(0.59);
    expect(share('yes')).toBeLessThan(0.71);
    expect(share('no')).toBeGreaterThan(0.11);
    expect(share('no')).toBeLessThan(0.19);
  });

  it('plans no synthesis without two GPs, and puts on the agenda the patients of GPs who will come first', () => {
    const oneGp = clinical.filter((m) => m.profession !== 'general_practitioner' || m.memberId === id(1));
    expect(planCoordinationMonth(params({ clinical: oneGp })).meetings.map((m) => m.kind)).toEqual(['rcp']);
    const [rcp] = planCoordinationMonth(params()).meetings;
    const proposals = [id(1), id(2), id(3), id(4), id(5), id(1), id(2), id(3), id(4), id(5)].map((gpId, n) => ({
      patientId: id(100 + n),
      gpId,
    }));
    const picked = pickCases(proposals, { ...rcp, presentingGpIds: [id(3)] });
    expect(picked).toHaveLength(rcp.cases.length);
    expect(picked.slice(0, 2).map((p) => p.gpId)).toEqual([id(3), id(3)]);
    expect(picked.slice(2).map((p) => p.patientId)).toEqual([id(100), id(101), id(103), id(104)]);
  });
});
