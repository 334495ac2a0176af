import { demoMonth } from '@msp/service-kit';
import { DateTime } from 'luxon';
import { DEFAULT_TASK_TYPES } from '../domain/catalogue/default-task-types';
import { thresholdHits } from '../domain/protocols/alert-thresholds';
import {
  DEMO_MONTH_KINDS,
  planDelegationMonth,
  summarisePlan,
  WORKING_HOURS,
  type DelegationMonthParams,
  type DemoTaskKind,
} from './demo-month.plan';
import { DEMO_PROTOCOLS } from './demo-protocols';

const ZONE = 'Europe/Paris';
// November 2026: 21 weekdays, Armistice (Wednesday 11) apart; All Saints is a Sunday.
const NOVEMBER = demoMonth(new Date('2026-12-01T06:00:00Z'), ZONE);
const [A, B] = ['a0000000-0000-4000-8000-00000000000a', 'b0000000-0000-4000-8000-00000000000b'];
const gps = [
  { memberId: '10000000-0000-4000-8000-000000000001', siteIds: [A, B] },
  { memberId: '10000000-0000-4000-8000-000000000002', siteIds: [A] },
  { memberId: '10000000-0000-4000-8000-000000000003', siteIds: [B] },
  { memberId: '10000000-0000-4000-8000-000000000004', siteIds: [A] },
  { memberId: '10000000-0000-4000-8000-000000000005', siteIds: [B] },
];
const assistant = {
  memberId: '20000000-0000-4000-8000-000000000001',
  siteIds: [A, B],
  worksFor: [gps[0].memberId, gps[2].memberId],
};
const secretaries = [
  { memberId: '30000000-0000-4000-8000-000000000001', siteIds: [A] },
  { memberId: '30000000-0000-4000-8000-000000000002', siteIds: [B] },
];
const circuits = Object.fromEntries(DEMO_PROTOCOLS.map((p) => [p.taskType, p.validationCircuit]));
const params = (overrides: Partial<DelegationMonthParams> = {}): DelegationMonthParams => ({
  seed: 'structure-1:delegation-demo-month',
  month: NOVEMBER,
  zone: ZONE,
  staff: { gps, assistant, secretaries },
  circuits,
  ...overrides,
});
const count = (plan: ReturnType<typeof planDelegationMonth>, kind: DemoTaskKind) =>
  plan.tasks.filter((t) => t.kind === kind).length;
const minutesOf = (kind: DemoTaskKind) => DEFAULT_TASK_TYPES.find((t) => t.code === kind)?.standardMinutes ?? 0;
const local = (instant: Date) => DateTime.fromJSDate(instant, { zone: ZONE });

describe('the demo month of delegation (a pure plan)', () => {
  it('plays the same month from the same seed, and another from another structure', () => {
    expect(planDelegationMonth(params())).toEqual(planDelegationMonth(params()));
    const other = planDelegationMonth(params({ seed: 'structure-2:delegation-demo-month' }));
    expect(other.tasks.map((t) => t.createdAt)).not.toEqual(
      planDelegationMonth(params()).tasks.map((t) => t.createdAt),
    );
  });

  it('makes and moves nothing on a weekend, a public holiday or outside working hours', () => {
    const plan = planDelegationMonth(params());
    const working = new Set(NOVEMBER.workingDays.map((d) => d.date));
    const instants = [...plan.tasks.map((t) => t.createdAt), ...plan.steps.map((s) => s.at)];
    expect(instants.length).toBeGreaterThan(500);
    for (const instant of instants) {
      const at = local(instant);
      expect(working.has(at.toISODate() as string)).toBe(true);
      expect(at.toFormat('HH:mm') >= WORKING_HOURS[0] && at.toFormat('HH:mm') <= WORKING_HOURS[1]).toBe(true);
    }
    expect(instants.some((i) => local(i).toISODate() === '2026-11-11')).toBe(false);
  });

  it('gives each GP the counts the inputs say: the assistant works for her two physicians, the secretaries for all', () => {
    const plan = planDelegationMonth(params());
    const days = NOVEMBER.workingDays.length;
    expect(days).toBe(20);
    // One batch of mail a day per GP, exactly.
    expect(count(plan, 'patient_records')).toBe(gps.length * days);
    for (const kind of ['prescription_renewal', 'insurance_files', 'exam_follow_up', 'billing'] as const) {
      const inputs = DEMO_MONTH_KINDS.find((k) => k.kind === kind)!;
      const physicians = inputs.delegate === 'assistant' ? assistant.worksFor.length : gps.length;
      const mean = inputs.perGpPerDay * physicians * days;
      // A sum of Poisson draws: within four standard deviations of its mean.
      expect(Math.abs(count(plan, kind) - mean)).toBeLessThan(4 * Math.sqrt(mean));
    }
    const forAssistant = plan.tasks.filter((t) => t.assigneeId === assistant.memberId);
    expect(new Set(forAssistant.map((t) => t.physicianId))).toEqual(new Set(assistant.worksFor));
    expect(forAssistant.every((t) => t.createdBy === t.physicianId)).toBe(true);
    const pooled = plan.tasks.filter((t) => t.poolRole === 'secretary');
    expect(new Set(pooled.map((t) => t.physicianId))).toEqual(new Set(gps.map((g) => g.memberId)));
    // A pool task stays at a site of its GP where a secretary works, and a secretary of that site takes it.
    for (const task of pooled) {
      const gp = gps.find((g) => g.memberId === task.physicianId)!;
      expect(gp.siteIds).toContain(task.siteId);
      const start = plan.steps.find((s) => s.task === task.index && s.move === 'start');
      if (start) expect(secretaries.find((m) => m.memberId === start.actorId)?.siteIds).toContain(task.siteId);
    }
  });

  it('follows its inputs: twice the rate, about twice the tasks; none at zero; no assistant, no assistant work', () => {
    const renewal = DEMO_MONTH_KINDS.find((k) => k.kind === 'prescription_renewal')!;
    const only = (perGpPerDay: number) =>
      count(planDelegationMonth(params({ kinds: [{ ...renewal, perGpPerDay }] })), 'prescription_renewal');
    const [once, twice] = [only(2), only(4)];
    expect(twice / once).toBeGreaterThan(1.6);
    expect(twice / once).toBeLessThan(2.5);
    expect(only(0)).toBe(0);
    const withoutAssistant = planDelegationMonth(params({ staff: { gps, assistant: null, secretaries } }));
    expect(withoutAssistant.tasks.every((t) => t.poolRole === 'secretary')).toBe(true);
    expect(new Set(withoutAssistant.tasks.map((t) => t.kind))).toEqual(new Set(['patient_records', 'billing']));
  });

  it('moves each task through the board its protocol asks for, in order, leaving the last days’ work open', () => {
    const plan = planDelegationMonth(params());
    const stepsOf = new Map<number, string[]>();
    for (const step of plan.steps) stepsOf.set(step.task, [...(stepsOf.get(step.task) ?? []), step.move]);
    for (const task of plan.tasks) {
      const moves = stepsOf.get(task.index) ?? [];
      const full = task.abnormal
        ? ['start', 'submit', 'resolve']
        : circuits[task.kind] === 'referent_review'
          ? ['start', 'submit', 'validate']
          : ['start', 'complete'];
      // A prefix of the whole path: what the month's end cut off stays to do.
      expect(full.slice(0, moves.length)).toEqual(moves);
      const times = plan.steps.filter((s) => s.task === task.index).map((s) => s.at.getTime());
      expect([task.createdAt.getTime(), ...times]).toEqual([task.createdAt.getTime(), ...times].sort((a, b) => a - b));
      // An abnormal result is flagged on submission: the protocol sends it back to the physician.
      const submit = plan.steps.find((s) => s.task === task.index && s.move === 'submit');
      if (submit) expect(submit.flags ?? []).toEqual(task.abnormal ? ['abnormal_result'] : []);
    }
    expect(plan.tasks.some((t) => t.abnormal)).toBe(true);
    const end = DateTime.fromISO('2026-12-01', { zone: ZONE }).toJSDate();
    expect(plan.steps.every((s) => s.at < end)).toBe(true);
    const summary = summarisePlan(plan, minutesOf);
    const open = Object.values(summary.open).reduce((a, b) => a + b, 0);
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(summary.created / 5);
    expect(summary.completedDelegated + summary.resolvedByPhysician + open).toBe(summary.created);
  });

  it('writes nothing a protocol would send back to the physician, except the results it flags', () => {
    for (const kind of DEMO_MONTH_KINDS) {
      const protocol = DEMO_PROTOCOLS.find((p) => p.taskType === kind.kind)!;
      expect(protocol).toBeDefined();
      const thresholds = {
        categories: protocol.alertThresholds?.categories ?? [],
        flags: protocol.alertThresholds?.flags ?? [],
        keywords: protocol.alertThresholds?.keywords ?? [],
      };
      for (const wording of kind.wordings)
        expect(
          thresholdHits(thresholds, { categories: [], flags: [], texts: [wording.description, wording.report] }),
        ).toEqual([]);
    }
    const abnormal = planDelegationMonth(params()).steps.find((s) => s.flags?.length)!;
    const exams = DEMO_PROTOCOLS.find((p) => p.taskType === 'exam_follow_up')!;
    expect(exams.alertThresholds?.flags).toEqual(expect.arrayContaining(abnormal.flags!));
  });
});
