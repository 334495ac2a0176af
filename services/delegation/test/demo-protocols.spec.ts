import { DataSource } from 'typeorm';
import { demoMonth } from '@msp/service-kit';
import { expectEventually, TestEventPublisher } from '@msp/testing';
import { DateTime } from 'luxon';
import { DEFAULT_TASK_TYPES } from '../src/domain/catalogue/default-task-types';
import { planDelegationMonth, summarisePlan, type DemoTaskKind } from '../src/demo/demo-month.plan';
import { DemoProtocolsLoader } from '../src/demo/demo-protocols.loader';
import { DEMO_PROTOCOLS, DEMO_TASKS } from '../src/demo/demo-protocols';
import { DelegationTestApp } from './fixtures/delegation-test-app';
import {
  adoptProtocol,
  openPractice,
  PROTOCOL_FIELDS,
  TASK_FIELDS,
  type Practice,
  type TaskView,
} from './fixtures/practice';

interface ProtocolView {
  id: string;
  status: string;
  current: {
    title: string;
    taskType: string;
    validationCircuit: string;
    executingRoles: string[];
    deadlineHours: number | null;
    adoptedBy: string | null;
    alertThresholds: { categories: string[]; flags: string[]; keywords: string[] };
  };
}

const ZONE = 'Europe/Paris';

const protocolsOf = async (app: DelegationTestApp, practice: Practice) =>
  (
    await app.ok<{ delegationProtocols: ProtocolView[] }>(
      `query ($structureId: ID!) { delegationProtocols(structureId: $structureId) {
        ${PROTOCOL_FIELDS} current { title adoptedBy } } }`,
      { structureId: practice.structureId },
      practice.referent.user,
    )
  ).delegationProtocols;

const boardOf = async (app: DelegationTestApp, practice: Practice, view: string, who = practice.referent) =>
  (
    await app.ok<{ taskBoard: TaskView[] }>(
      `query ($filter: BoardFilterInput!) { taskBoard(filter: $filter) { ${TASK_FIELDS} } }`,
      {
        filter: {
          structureId: practice.structureId,
          view,
          statuses: ['todo', 'in_progress', 'awaiting_validation', 'escalated', 'blocked'],
        },
      },
      who.user,
    )
  ).taskBoard;

/** The structure's events of one type, from the outbox. */
const eventsOf = async (app: DelegationTestApp, practice: Practice, type: string) =>
  (await app.events(type)).filter((e) => e.structureId === practice.structureId);

interface TaskRow {
  id: string;
  task_type: string;
  status: string;
  created_at: Date;
  physician_id: string;
  assignee_id: string | null;
}
const tasksOf = (app: DelegationTestApp, practice: Practice) =>
  app.sql<TaskRow>(
    `select id, task_type, status, created_at, physician_id, assignee_id from task where structure_id = $1`,
    [practice.structureId],
  );

/** What the loader saw of the practice, for the plan: its GPs, the assistant it chose, its secretary. */
function planFor(practice: Practice, assistantId: string) {
  const month = demoMonth(new Date(), ZONE);
  const member = (id: string) => ({ memberId: id, siteIds: [practice.siteId] });
  const plan = planDelegationMonth({
    seed: `${practice.structureId}:delegation-demo-month`,
    month,
    zone: ZONE,
    staff: {
      gps: [practice.referent, practice.backup, practice.colleague].map((m) => member(m.id)),
      assistant: { ...member(assistantId), worksFor: [practice.referent.id, practice.backup.id] },
      secretaries: [member(practice.secretary.id)],
    },
    circuits: Object.fromEntries(DEMO_PROTOCOLS.map((p) => [p.taskType, p.validationCircuit])),
  });
  const minutesOf = (kind: DemoTaskKind) => DEFAULT_TASK_TYPES.find((t) => t.code === kind)!.standardMinutes;
  return { month, plan, summary: summarisePlan(plan, minutesOf) };
}

/** The practice's whole team, told to the directory stub: the loader waits until its copy holds all of it. */
function listInDirectory(app: DelegationTestApp, practice: Practice): void {
  app.directory.snapshot = {
    sites: [...app.directory.snapshot.sites, ...practice.team.sites],
    members: [...app.directory.snapshot.members, ...practice.team.members],
  };
}

// Other spec files publish practices on the same topics meanwhile: only this file's practices are looked at (the
// loader only loads structures the directory stub lists).
describe('demo data: the demo practice delegates under adopted protocols, with a month played (DELEGATION_DEMO_DATA=load)', () => {
  let events: TestEventPublisher;

  beforeAll(async () => {
    events = await TestEventPublisher.start('delegation-spec-demo');
  });

  afterAll(() => events?.stop());

  describe('a first start, on an empty service', () => {
    let app: DelegationTestApp;
    let practice: Practice;

    beforeAll(async () => {
      app = await DelegationTestApp.start('delegation_demo', { env: { DELEGATION_DEMO_DATA: 'load' } });
      practice = await openPractice(app, events);
    });

    afterAll(() => app?.stop());

    it('waits until the directory lists nobody the copy lacks, then the referent adopts the protocols on the first working day of the month', async () => {
      // The copy already holds the practice, but the directory's snapshot does not list it yet: not loaded.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(await protocolsOf(app, practice)).toEqual([]);

      listInDirectory(app, practice);
      await expectEventually(async () => expect(await protocolsOf(app, practice)).toHaveLength(6), 120_000, 500);
      const protocols = await protocolsOf(app, practice);
      expect(
        protocols
          .map((p) => ({ status: p.status, ...p.current, alertThresholds: undefined }))
          .sort((a, b) => a.taskType.localeCompare(b.taskType)),
      ).toEqual(
        [...DEMO_PROTOCOLS]
          .sort((a, b) => a.taskType.localeCompare(b.taskType))
          .map((p) =>
            expect.objectContaining({
              status: 'adopted',
              title: p.title,
              taskType: p.taskType,
              validationCircuit: p.validationCircuit,
              executingRoles: p.executingRoles,
              deadlineHours: p.deadlineHours ?? null,
              adoptedBy: practice.referent.id,
            }),
          ),
      );
      const exams = protocols.find((p) => p.current.taskType === 'exam_follow_up')!;
      expect(exams.current.alertThresholds.flags).toContain('abnormal_result');
      // Through the handlers: each adoption told the other services, dated in the demo month so the indicators count it.
      const firstDay = demoMonth(new Date(), ZONE).workingDays[0].date;
      const adoptions = await eventsOf(app, practice, 'delegation.protocol.adopted.v1');
      expect(adoptions.map((e) => e.protocolId).sort()).toEqual(protocols.map((p) => p.id).sort());
      for (const adoption of adoptions)
        expect(DateTime.fromISO(adoption.adoptedAt as string, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm')).toBe(
          `${firstDay} 08:00`,
        );
    }, 300_000);

    it('plays the month the plan says through the handlers: every task made, moved and completed at its instant, with its events', async () => {
      const rows = await tasksOf(app, practice);
      const assistantId = rows.find((r) => r.task_type === 'prescription_renewal')!.assignee_id!;
      expect([practice.assistant.id, practice.secondAssistant.id]).toContain(assistantId);
      const { month, plan, summary } = planFor(practice, assistantId);
      const [from, to] = [
        DateTime.fromISO(`${month.month}-01`, { zone: ZONE }),
        DateTime.fromISO(`${month.month}-01`, { zone: ZONE }).plus({ months: 1 }),
      ].map((d) => d.toJSDate());
      const inMonth = rows.filter((r) => r.created_at >= from && r.created_at < to);
      expect(inMonth).toHaveLength(plan.tasks.length);
      expect(summary.created).toBeGreaterThan(150);

      // One completed event per task done, at an instant of the month on a working day, delegated unless the
      // physician resolved it after an abnormal result, with the catalogue's minutes of its type.
      const completed = await eventsOf(app, practice, 'delegation.task.completed.v1');
      expect(completed.filter((e) => e.delegated)).toHaveLength(summary.completedDelegated);
      expect(completed.filter((e) => !e.delegated)).toHaveLength(summary.resolvedByPhysician);
      expect(completed.filter((e) => e.delegated).reduce((sum, e) => sum + (e.standardMinutes as number), 0)).toBe(
        summary.delegatedMinutes,
      );
      const working = new Set(month.workingDays.map((d) => d.date));
      for (const event of completed) {
        const at = DateTime.fromISO(event.completedAt as string, { zone: ZONE });
        expect(working.has(at.toISODate() as string)).toBe(true);
        expect(event.standardMinutes).toBe(DEFAULT_TASK_TYPES.find((t) => t.code === event.taskType)!.standardMinutes);
      }
      // Renewals, files and results are validated by the assistant's referent; the secretaries' work is completed.
      const validated = await eventsOf(app, practice, 'delegation.task.validated.v1');
      expect(validated.length).toBeGreaterThan(0);
      expect(new Set(validated.map((e) => e.validatedBy))).toEqual(new Set([practice.referent.id]));
      const doneBy = new Set(completed.filter((e) => e.delegated).map((e) => e.completedBy));
      expect([...doneBy].sort()).toEqual([practice.referent.id, practice.secretary.id].sort());
      const escalated = await eventsOf(app, practice, 'delegation.task.escalated.v1');
      expect(escalated.every((e) => e.reason === 'threshold' && e.taskType === 'exam_follow_up')).toBe(true);
      // Exactly the results the assistant flagged out of range: nothing else the month wrote hit a threshold.
      expect(escalated).toHaveLength(plan.steps.filter((s) => s.move === 'submit' && s.flags?.length).length);

      // The last days' work is still on the board, beside the morning's tasks made today.
      const board = await boardOf(app, practice, 'all');
      const openFromMonth = board.filter((t) => inMonth.some((r) => r.id === t.id));
      expect(openFromMonth).toHaveLength(Object.values(summary.open).reduce((a, b) => a + b, 0));
      const today = board.filter((t) => !inMonth.some((r) => r.id === t.id));
      expect(today.map((t) => t.title).sort()).toEqual(DEMO_TASKS.map((t) => t.title).sort());
      expect(today.every((t) => t.status === 'todo')).toBe(true);
    });
  });

  describe('played once', () => {
    let app: DelegationTestApp;
    let second: DelegationTestApp | undefined;

    afterAll(async () => {
      await second?.stop();
      await app?.stop();
    });

    it('two instances on one database, and a loader asked again, load a practice once: nothing doubled', async () => {
      app = await DelegationTestApp.start('delegation_demo_twice', { env: { DELEGATION_DEMO_DATA: 'load' } });
      const { url } = app.get(DataSource).options as { url: string };
      second = await DelegationTestApp.start('delegation_demo_twice_again', {
        env: { DELEGATION_DEMO_DATA: 'load', DATABASE_URL: url },
      });
      const practice = await openPractice(app, events);
      listInDirectory(app, practice);
      listInDirectory(second, practice);
      await expectEventually(async () => expect(await protocolsOf(app, practice)).toHaveLength(6), 120_000, 500);
      // Whichever instance loaded it, the other looks again (and again) and finds it loaded.
      await app.get(DemoProtocolsLoader).loadPending();
      await second.get(DemoProtocolsLoader).loadPending();

      const rows = await tasksOf(app, practice);
      const assistantId = rows.find((r) => r.task_type === 'prescription_renewal')!.assignee_id!;
      const { plan, summary } = planFor(practice, assistantId);
      expect(rows).toHaveLength(plan.tasks.length + DEMO_TASKS.length);
      expect(await eventsOf(app, practice, 'delegation.protocol.adopted.v1')).toHaveLength(6);
      expect((await eventsOf(app, practice, 'delegation.task.completed.v1')).filter((e) => e.delegated)).toHaveLength(
        summary.completedDelegated,
      );
      // Two services booting and a month played under a loaded CI: the wait above alone allows 120 s.
    }, 300_000);
  });

  describe('a start on a service that already holds a protocol', () => {
    let app: DelegationTestApp;
    let restarted: DelegationTestApp;

    beforeAll(async () => {
      app = await DelegationTestApp.start('delegation_demo_kept');
    });

    afterAll(async () => {
      await restarted?.stop();
      await app?.stop();
    });

    it('loads nothing, not even for a practice with a medical assistant and no protocol yet', async () => {
      const withProtocol = await openPractice(app, events);
      await adoptProtocol(app, withProtocol);
      const without = await openPractice(app, events);

      // The same database, started again with the demo switch on.
      const { url } = app.get(DataSource).options as { url: string };
      restarted = await DelegationTestApp.start('delegation_demo_kept_again', {
        env: { DELEGATION_DEMO_DATA: 'load', DATABASE_URL: url },
      });
      listInDirectory(restarted, without);
      // Its first look would load a practice already in the team copy: it keeps the existing data instead.
      await restarted.get(DemoProtocolsLoader).firstLook();

      expect(await protocolsOf(restarted, without)).toEqual([]);
      expect(await boardOf(restarted, without, 'all')).toEqual([]);
      expect(await protocolsOf(restarted, withProtocol)).toHaveLength(1);
      expect(await boardOf(restarted, withProtocol, 'all')).toEqual([]);
    });
  });
});
