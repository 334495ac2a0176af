import { demoMonth } from '@msp/service-kit';
import { DateTime } from 'luxon';
import {
  CALLS_PER_GP_PER_DAY,
  KNOWN_NUMBER_SHARE,
  REASON_MIX,
  UNKNOWN_NUMBER_PREFIX,
  type CallReason,
} from './demo-month.inputs';
import { openSecondsOf, planDemoMonth, type DemoMonthPlanInput, type PlanSite } from './demo-month.plan';

const weekdays = (opens: string, closes: string, lunch?: [string, string]) =>
  [1, 2, 3, 4, 5].flatMap((weekday) =>
    lunch
      ? [
          { weekday, opens, closes: lunch[0] },
          { weekday, opens: lunch[1], closes },
        ]
      : [{ weekday, opens, closes }],
  );

const MAIN: PlanSite = {
  siteId: '10000000-0000-4000-8000-000000000001',
  number: '+33299094120',
  timeZone: 'Europe/Paris',
  openingHours: [...weekdays('08:00', '20:00'), { weekday: 6, opens: '08:30', closes: '12:30' }],
};
/** A small site: a lunch break, closed on Wednesday afternoons. */
const SMALL: PlanSite = {
  siteId: '10000000-0000-4000-8000-000000000002',
  number: '+33299097740',
  timeZone: 'Europe/Paris',
  openingHours: weekdays('08:30', '19:00', ['12:30', '14:00']).filter((h) => !(h.weekday === 3 && h.opens === '14:00')),
};
const GP_IDS = Array.from({ length: 10 }, (_, i) => `20000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
/** Four GPs at both sites, three at the main one, two at the small one, one whose sites the copy does not know. */
const GPS = GP_IDS.map((memberId, i) => ({
  memberId,
  siteIds: i < 4 ? [MAIN.siteId, SMALL.siteId] : i < 7 ? [MAIN.siteId] : i < 9 ? [SMALL.siteId] : [],
}));
/** November 2026: 21 weekdays, Armistice day (Wednesday 11th) off. */
const NOVEMBER = demoMonth(new Date('2026-12-01T09:00:00Z'), 'Europe/Paris');

function input(overrides: Partial<DemoMonthPlanInput> = {}): DemoMonthPlanInput {
  return {
    structureId: '30000000-0000-4000-8000-000000000000',
    month: NOVEMBER,
    generalPractitioners: GPS,
    sites: [MAIN, SMALL],
    // Ten numbers per GP, and a few patients with no médecin traitant.
    patientNumbers: [
      ...GP_IDS.flatMap((gp, g) =>
        Array.from({ length: 10 }, (_, i) => ({
          phone: `+336${g}${String(i).padStart(7, '0')}`,
          medecinTraitantId: gp,
        })),
      ),
      { phone: '+33700000001', medecinTraitantId: null },
    ],
    colleagueNumbers: ['+33299068210'],
    ...overrides,
  };
}

const share = (part: number, whole: number) => part / whole;

describe('the demo month plan of calls', () => {
  const plan = planDemoMonth(input());

  it('is the same for the same structure, whatever the order of its inputs, and another for another structure', () => {
    const reordered = input({
      generalPractitioners: [...GPS].reverse(),
      sites: [SMALL, MAIN],
      patientNumbers: [...input().patientNumbers].reverse(),
    });
    expect(planDemoMonth(reordered)).toEqual(plan);
    const other = planDemoMonth(input({ structureId: '30000000-0000-4000-8000-000000000001' }));
    expect(other.map((c) => c.at.toISOString())).not.toEqual(plan.map((c) => c.at.toISOString()));
  });

  it('draws about 15.5 calls per general practitioner per working day (Poisson)', () => {
    const days = NOVEMBER.workingDays.length;
    expect(days).toBe(20);
    const perGpDay = new Map<string, number>();
    for (const call of plan) {
      const day = DateTime.fromJSDate(call.at, { zone: 'Europe/Paris' }).toISODate();
      perGpDay.set(`${call.practitionerId} ${day}`, (perGpDay.get(`${call.practitionerId} ${day}`) ?? 0) + 1);
    }
    const samples = GPS.length * days;
    const mean = plan.length / samples;
    // The mean of 200 Poisson draws of mean 15.5 is within 3 standard errors (0.28 each) of it.
    expect(Math.abs(mean - CALLS_PER_GP_PER_DAY)).toBeLessThan(3 * Math.sqrt(CALLS_PER_GP_PER_DAY / samples));
    const variance = [...perGpDay.values()].reduce((sum, n) => sum + (n - mean) ** 2, 0) / samples;
    // A Poisson count's variance is its mean: far from the fixed 15 or 16 a day a constant would give.
    expect(variance).toBeGreaterThan(CALLS_PER_GP_PER_DAY / 2);
    expect(variance).toBeLessThan(CALLS_PER_GP_PER_DAY * 2);
  });

  it('places every call on a working day of the month, inside the opening hours of the site it is made to', () => {
    const working = new Set(NOVEMBER.workingDays.map((d) => d.date));
    for (const call of plan) {
      const site = call.siteId === MAIN.siteId ? MAIN : SMALL;
      expect(call.to).toBe(site.number);
      const local = DateTime.fromJSDate(call.at, { zone: site.timeZone });
      expect(working.has(local.toISODate() as string)).toBe(true);
      const second = local.hour * 3600 + local.minute * 60 + local.second;
      expect(openSecondsOf(site, local.weekday).some(([from, to]) => second >= from && second < to)).toBe(true);
    }
    // Not on Armistice day, nor on a weekend; the small site takes no call on Wednesday afternoon or at lunch.
    expect(plan.some((c) => DateTime.fromJSDate(c.at, { zone: 'Europe/Paris' }).toISODate() === '2026-11-11')).toBe(
      false,
    );
    const small = plan
      .filter((c) => c.siteId === SMALL.siteId)
      .map((c) => DateTime.fromJSDate(c.at, { zone: 'Europe/Paris' }));
    expect(small.some((t) => t.weekday === 3 && t.hour >= 14)).toBe(false);
    expect(small.some((t) => t.hour === 13)).toBe(false);
  });

  it("sends patients and correspondents to their GP's sites, anyone else to any site of the structure", () => {
    const sitesOf = new Map(GPS.map((gp) => [gp.memberId, gp.siteIds]));
    const about = plan.filter((c) => REASON_MIX.find((m) => m.reason === c.reason)?.source !== 'other');
    for (const call of about) {
      const own = sitesOf.get(call.practitionerId) ?? [];
      // On a Wednesday afternoon the small site is closed: its GPs' callers dial the main one, open then.
      const local = DateTime.fromJSDate(call.at, { zone: 'Europe/Paris' });
      const smallClosed = local.weekday === 3 && local.hour >= 14;
      if (own.length > 0 && !(smallClosed && own.length === 1 && own[0] === SMALL.siteId))
        expect(own).toContain(call.siteId);
    }
    // The GP whose sites are not known, and advertisers and relatives: both sites, uniformly among those open.
    const anywhere = plan.filter((c) => c.practitionerId === GP_IDS[9] || c.reason === 'ad_or_personal');
    const onSmall = anywhere.filter((c) => c.siteId === SMALL.siteId).length;
    expect(share(onSmall, anywhere.length)).toBeGreaterThan(0.35);
    expect(share(onSmall, anywhere.length)).toBeLessThan(0.6);
    expect(
      plan
        .filter((c) => c.practitionerId === GP_IDS[4])
        .every((c) => c.siteId === MAIN.siteId || c.reason === 'ad_or_personal'),
    ).toBe(true);
  });

  it("follows the seed's mix: a third agenda, a third advice and listening, a third the rest, as the inputs split them", () => {
    const count = (reasons: CallReason[]) => plan.filter((c) => reasons.includes(c.reason)).length;
    const tolerance = 3 * Math.sqrt(((1 / 3) * (2 / 3)) / plan.length);
    for (const third of [
      ['booking', 'move', 'cancel', 'home_visit'],
      ['results', 'symptom_advice', 'support'],
      ['prescription', 'document', 'correspondent', 'ad_or_personal'],
    ] as CallReason[][])
      expect(Math.abs(share(count(third), plan.length) - 1 / 3)).toBeLessThan(tolerance);
    for (const { reason, share: expected } of REASON_MIX)
      expect(Math.abs(share(count([reason]), plan.length) - expected)).toBeLessThan(
        4 * Math.sqrt((expected * (1 - expected)) / plan.length),
      );
  });

  it('has patients call from their own number about their médecin traitant, or from numbers the directory does not know', () => {
    const numbersOf = (gp: string) =>
      new Set(
        input()
          .patientNumbers.filter((n) => n.medecinTraitantId === gp)
          .map((n) => n.phone),
      );
    const patientCalls = plan.filter((c) => REASON_MIX.find((m) => m.reason === c.reason)?.source === 'patient');
    for (const call of patientCalls) {
      if (call.caller === 'patient_number') expect(numbersOf(call.practitionerId).has(call.from)).toBe(true);
      else expect(call.from.startsWith(UNKNOWN_NUMBER_PREFIX)).toBe(true);
    }
    const known = patientCalls.filter((c) => c.caller === 'patient_number').length;
    expect(Math.abs(share(known, patientCalls.length) - KNOWN_NUMBER_SHARE)).toBeLessThan(0.03);
    // Correspondents call from a line on the platform or an unknown number; advertisers and relatives from unknowns.
    for (const call of plan.filter((c) => c.reason === 'correspondent'))
      expect(call.from === '+33299068210' || call.from.startsWith(UNKNOWN_NUMBER_PREFIX)).toBe(true);
    for (const call of plan.filter((c) => c.reason === 'ad_or_personal')) expect(call.caller).toBe('unknown_number');
  });

  it('gives each caller what they press or say for their reason, and the platform a valid call id of its own', () => {
    for (const call of plan) {
      const mix = REASON_MIX.find((m) => m.reason === call.reason);
      if ('digits' in call.said) expect(call.said.digits).toBe(mix?.digit);
      else expect(mix?.speech).toContain(call.said.speech);
      expect(call.providerCallId).toMatch(/^[A-Za-z0-9_.:-]{1,64}$/);
    }
    expect(new Set(plan.map((c) => c.providerCallId)).size).toBe(plan.length);
    const keypad = plan.filter((c) => 'digits' in c.said).length;
    expect(share(keypad, plan.length)).toBeGreaterThan(0.45);
    expect(share(keypad, plan.length)).toBeLessThan(0.55);
  });

  it('plans nothing for a structure with no general practitioner, or no site open on working days', () => {
    expect(planDemoMonth(input({ generalPractitioners: [] }))).toEqual([]);
    const weekendOnly = { ...MAIN, openingHours: [{ weekday: 6, opens: '08:00', closes: '12:00' }] };
    expect(planDemoMonth(input({ sites: [weekendOnly] }))).toEqual([]);
  });
});
