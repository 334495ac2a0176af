import { demoMonth } from '@msp/service-kit';
import { DateTime } from 'luxon';
import { overlaps } from '../domain/interval';
import { localDateOf } from '../domain/local-date';
import { createMotif, type Motif } from '../domain/motif';
import { createOpeningRange, type OpeningRange } from '../domain/opening-range';
import { occurrenceCovering } from '../domain/range-occurrences';
import { DEMO_MOTIFS } from './demo-motifs';
import {
  DEMO_MONTH_INPUTS,
  planDemoMonth,
  stepsOf,
  type DemoMonthInputs,
  type DemoMonthSetting,
  type PlannedAppointment,
} from './demo-month.plan';
import { planWeek } from './demo-week.plan';

const ZONE = 'Europe/Paris';
// First started in June 2026: the demo month is May 2026, with four public holidays (1st, 8th, Ascension on the 14th,
// Whit Monday on the 25th).
const NOW = new Date('2026-06-10T09:00:00Z');
const STRUCTURE = 'c0ffee00-0000-4000-8000-000000000001';
const SITES = ['51te0000-0000-4000-8000-00000000000a', '51te0000-0000-4000-8000-00000000000b'];

/** A structure as the demo agendas give it: standard motifs, each practitioner's week from `planWeek`. */
function setting(
  team: Array<{ memberId: string; profession: string }>,
  overrides: Partial<DemoMonthSetting> = {},
): DemoMonthSetting {
  const month = demoMonth(NOW, ZONE);
  const monthBefore = demoMonth(new Date(`${month.days[0].date}T12:00:00Z`), ZONE);
  const motifs: Motif[] = DEMO_MOTIFS.map((m) => createMotif({ ...m, id: `motif-${m.key}`, structureId: STRUCTURE }));
  const keyToId = (key: string) => `motif-${key}`;
  const ranges: OpeningRange[] = team.flatMap((member, index) =>
    planWeek({ memberId: member.memberId, profession: member.profession, siteIds: SITES, index }).map((plan, i) =>
      createOpeningRange({
        id: `range-${member.memberId}-${i}`,
        structureId: STRUCTURE,
        practitionerId: plan.practitionerId,
        siteId: plan.siteId,
        weekdays: plan.weekdays,
        startTime: plan.startTime,
        endTime: plan.endTime,
        validFrom: month.days[0].date,
        motifIds: plan.motifKeys.map(keyToId),
        snpShare: plan.snpShare,
      }),
    ),
  );
  return {
    structureId: STRUCTURE,
    month,
    monthBefore,
    practitioners: team,
    sites: SITES.map((siteId) => ({ siteId, timeZone: ZONE })),
    ranges,
    motifs,
    patientIds: Array.from({ length: 300 }, (_, i) => `patient-${String(i).padStart(3, '0')}`),
    blocked: [],
    ...overrides,
  };
}

const member = (profession: string, i: number) => ({
  memberId: `${profession}-${String(i).padStart(2, '0')}`,
  profession,
});
const gps = (n: number) => Array.from({ length: n }, (_, i) => member('general_practitioner', i));
const all = (days: ReturnType<typeof planDemoMonth>): PlannedAppointment[] => days.flatMap((d) => d.appointments);
const local = (instant: Date) => DateTime.fromJSDate(instant, { zone: ZONE });

/** Within `sigmas` standard deviations of the binomial mean of `n` draws at `p`. */
function expectShare(count: number, n: number, p: number, sigmas = 4): void {
  const tolerance = sigmas * Math.sqrt(n * p * (1 - p));
  expect(Math.abs(count - n * p)).toBeLessThanOrEqual(tolerance);
}

describe('demo month plan', () => {
  const team = [...gps(2), member('nurse', 0), member('physiotherapist', 0), member('psychologist', 0)];

  it('draws the same month from the same setting, and another month for another structure', () => {
    const a = planDemoMonth(setting(team));
    expect(planDemoMonth(setting(team))).toEqual(a);
    expect(all(a).length).toBeGreaterThan(0);
    const other = planDemoMonth(setting(team, { structureId: 'c0ffee00-0000-4000-8000-000000000002' }));
    expect(other).not.toEqual(a);
  });

  it("keeps one practitioner's month when a colleague joins", () => {
    const alone = all(planDemoMonth(setting(gps(1))));
    const withColleague = all(planDemoMonth(setting(gps(2)))).filter((a) => a.practitionerId === gps(1)[0].memberId);
    const key = (a: PlannedAppointment) => [a.startsAt.toISOString(), a.motifId, a.outcome];
    expect(withColleague.map(key)).toEqual(alone.map(key));
  });

  it('puts every appointment on a working day of the month, inside a range of its practitioner allowing its motif', () => {
    const s = setting(team);
    const days = planDemoMonth(s);
    const working = new Set(s.month.workingDays.map((d) => d.date));
    expect(days.map((d) => d.date).every((date) => working.has(date))).toBe(true);
    // May 2026's public holidays and weekends stay empty.
    for (const closed of ['2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25', '2026-05-02', '2026-05-03'])
      expect(days.find((d) => d.date === closed)).toBeUndefined();
    for (const day of days) {
      for (const a of day.appointments) {
        expect(localDateOf(a.startsAt, ZONE)).toBe(day.date);
        const ranges = s.ranges.filter((r) => r.practitionerId === a.practitionerId && r.siteId === a.siteId);
        // The very check the booking handler makes.
        expect(occurrenceCovering(ranges, ZONE, { start: a.startsAt, end: a.endsAt }, a.motifId)).toBeDefined();
      }
    }
  });

  it("never overlaps a practitioner's appointments, a patient's, or what already blocks the agenda", () => {
    const s = setting(team);
    const gp = gps(1)[0].memberId;
    const firstDay = s.month.workingDays[0].date;
    const meeting = {
      practitionerId: gp,
      start: new Date(`${firstDay}T08:00:00Z`),
      end: new Date(`${firstDay}T10:00:00Z`),
    };
    const appointments = all(planDemoMonth({ ...s, blocked: [meeting] }));
    expect(
      appointments.filter((a) => a.practitionerId === gp && overlaps(meeting, { start: a.startsAt, end: a.endsAt })),
    ).toEqual([]);
    // Sorted by start within each practitioner and each patient, each one ends before the next begins.
    for (const owner of ['practitionerId', 'patientId'] as const) {
      const sorted = [...appointments].sort((a, b) =>
        a[owner] < b[owner] ? -1 : a[owner] > b[owner] ? 1 : a.startsAt.getTime() - b.startsAt.getTime(),
      );
      const clashes = sorted.filter((a, i) => {
        const next = sorted[i + 1];
        return next?.[owner] === a[owner] && next.startsAt.getTime() < a.endsAt.getTime();
      });
      expect(clashes).toEqual([]);
    }
  });

  it('books ahead on an earlier working day in desk hours, unscheduled-care slots on their day, cancels before the day', () => {
    const s = setting(team);
    const appointments = all(planDemoMonth(s));
    const open = new Set([...s.month.workingDays, ...s.monthBefore.workingDays].map((d) => d.date));
    for (const a of appointments) {
      const booked = local(a.bookedAt);
      expect(a.bookedAt.getTime()).toBeLessThan(a.startsAt.getTime());
      if (a.sameDay) {
        expect(booked.toISODate()).toBe(local(a.startsAt).toISODate());
        expect(a.practitionerId.startsWith('general_practitioner')).toBe(true);
      } else {
        expect(open.has(booked.toISODate() as string)).toBe(true);
        expect((booked.toISODate() as string) < (local(a.startsAt).toISODate() as string)).toBe(true);
        expect(booked.toFormat('HH:mm') >= '08:30' && booked.toFormat('HH:mm') < '18:30').toBe(true);
      }
      if (a.outcome === 'cancelled') {
        expect(a.sameDay).toBe(false);
        expect(a.cancelledAt!.getTime()).toBeGreaterThan(a.bookedAt.getTime());
        expect(a.cancelledAt!.getTime()).toBeLessThanOrEqual(a.startsAt.getTime() - 2 * 3_600_000);
      }
      if (a.outcome === 'no_show') expect(a.closedAt).toEqual(a.endsAt);
      if (a.outcome === 'completed') {
        expect(a.arrivedAt!.getTime()).toBeGreaterThan(a.bookedAt.getTime());
        expect(a.startedAt!.getTime()).toBeGreaterThanOrEqual(a.arrivedAt!.getTime());
        expect(a.closedAt!.getTime() - a.startedAt!.getTime()).toBe(a.endsAt.getTime() - a.startsAt.getTime());
      }
    }
    // A practitioner's consultations follow one another: none starts before the previous one ended.
    const done = appointments
      .filter((a) => a.outcome === 'completed')
      .sort((a, b) => a.startedAt!.getTime() - b.startedAt!.getTime());
    for (const [i, a] of done.entries()) {
      const next = done.slice(i + 1).find((b) => b.practitionerId === a.practitionerId);
      if (next) expect(next.startedAt!.getTime()).toBeGreaterThanOrEqual(a.closedAt!.getTime());
    }
  });

  it("orders each day's steps in time, a booking before its cancellation or its day's steps", () => {
    for (const day of planDemoMonth(setting(team))) {
      const steps = stepsOf(day);
      expect(steps.map((s) => s.at.getTime())).toEqual([...steps.map((s) => s.at.getTime())].sort((a, b) => a - b));
      const seen = new Map<number, string[]>();
      for (const step of steps) seen.set(step.appointment.ref, [...(seen.get(step.appointment.ref) ?? []), step.kind]);
      for (const a of day.appointments) {
        const expected = {
          cancelled: ['book', 'cancel'],
          no_show: ['book', 'no_show'],
          completed: ['book', 'arrive', 'start', 'complete'],
        };
        expect(seen.get(a.ref)).toEqual(expected[a.outcome]);
      }
    }
  });

  it('follows the inputs: fill of the offered slots, no-show rate by profession, cancellation share', () => {
    // Twenty GPs and as many psychologists: enough draws for the shares to show.
    const big = setting([...gps(20), ...Array.from({ length: 20 }, (_, i) => member('psychologist', i))], {
      patientIds: Array.from({ length: 2000 }, (_, i) => `patient-${i}`),
    });
    const appointments = all(planDemoMonth(big));
    const ofGps = appointments.filter((a) => a.practitionerId.startsWith('general_practitioner'));
    const ofPsychologists = appointments.filter((a) => a.practitionerId.startsWith('psychologist'));
    const kept = (list: PlannedAppointment[]) => list.filter((a) => a.outcome !== 'cancelled');
    expectShare(
      kept(ofGps).filter((a) => a.outcome === 'no_show').length,
      kept(ofGps).length,
      DEMO_MONTH_INPUTS.gpNoShowRate,
    );
    expectShare(
      kept(ofPsychologists).filter((a) => a.outcome === 'no_show').length,
      kept(ofPsychologists).length,
      DEMO_MONTH_INPUTS.otherNoShowRate,
    );
    const ahead = appointments.filter((a) => !a.sameDay);
    expectShare(
      ahead.filter((a) => a.outcome === 'cancelled').length,
      ahead.length,
      DEMO_MONTH_INPUTS.cancellationShare,
    );

    // A psychologist offers two motifs of 45 min (one cell each): booked cells over offered cells is the fill.
    const offered = big.ranges
      .filter((r) => r.practitionerId.startsWith('psychologist'))
      .reduce((cells, r) => {
        const [h1, m1] = r.startTime.split(':').map(Number);
        const [h2, m2] = r.endTime.split(':').map(Number);
        const perDay = Math.floor((h2 * 60 + m2 - h1 * 60 - m1) / 45);
        const byDay = /BYDAY=([A-Z,]+)/.exec(r.recurrence)?.[1].split(',') ?? [];
        const days = big.month.workingDays.filter((d) => byDay.includes(['MO', 'TU', 'WE', 'TH', 'FR'][d.weekday - 1]));
        return cells + perDay * days.length;
      }, 0);
    expectShare(ofPsychologists.length, offered, DEMO_MONTH_INPUTS.otherAdvanceFill);

    // Fewer slots filled with a lower fill: the inputs drive the counts, nothing aims at a figure.
    const half: DemoMonthInputs = { ...DEMO_MONTH_INPUTS, physicianAdvanceFill: 0.4, gpNoShowRate: 0 };
    const lower = all(planDemoMonth({ ...big, inputs: half })).filter((a) =>
      a.practitionerId.startsWith('general_practitioner'),
    );
    expect(lower.length).toBeLessThan(ofGps.length * 0.6);
    expect(lower.filter((a) => a.outcome === 'no_show')).toEqual([]);
  });

  it('plans nothing without patients, and nothing for a member whose ranges offer no demo motif', () => {
    expect(planDemoMonth(setting(team, { patientIds: [] }))).toEqual([]);
    expect(planDemoMonth(setting(team, { motifs: [] }))).toEqual([]);
  });
});
