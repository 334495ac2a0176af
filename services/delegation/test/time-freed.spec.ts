import { randomUUID } from 'node:crypto';
import { Clock } from '@msp/service-kit';
import { TestEventPublisher } from '@msp/testing';
import { DelegationTestApp } from './fixtures/delegation-test-app';
import { adoptProtocol, createTask, moveTask, openPractice, type Practice } from './fixtures/practice';

describe('medical time freed and the weekly review (DEL-6)', () => {
  let app: DelegationTestApp;
  let events: TestEventPublisher;
  let practice: Practice;

  beforeAll(async () => {
    app = await DelegationTestApp.start('delegation_time_freed');
    events = await TestEventPublisher.start('delegation-spec-time-freed');
    practice = await openPractice(app, events);
    // Exam follow-up: 9 minutes by its protocol (the catalogue says 6); callbacks: the catalogue's 4, no protocol.
    await adoptProtocol(app, practice, { validationCircuit: 'weekly_review', standardMinutes: 9 });
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await events?.stop();
    await app?.stop();
  });

  /** Creates, starts and completes a task at `at` (the clock set there). */
  async function completeAt(at: string, taskType: string, physicianId: string): Promise<string> {
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date(at));
    const task = await createTask(app, practice.coordinator.user, {
      structureId: practice.structureId,
      taskType,
      title: 'Tâche',
      assigneeId: practice.assistant.id,
      physicianId,
    });
    await moveTask(app, practice.assistant.user, { taskId: task.id, to: 'in_progress', expectedVersion: 1 });
    const done = await moveTask(app, practice.assistant.user, { taskId: task.id, to: 'done', expectedVersion: 2 });
    expect(done.errors).toBeUndefined();
    return task.id;
  }

  const timeFreed = (fromWeek: string, toWeek: string, physicianId?: string) =>
    app.ok<{
      delegatedTimeFreed: Array<{ isoWeek: string; physicianId: string | null; minutes: number; tasks: number }>;
    }>(
      `query ($s: ID!, $f: String!, $t: String!, $p: ID) {
         delegatedTimeFreed(structureId: $s, fromWeek: $f, toWeek: $t, physicianId: $p) { isoWeek physicianId minutes tasks } }`,
      { s: practice.structureId, f: fromWeek, t: toWeek, p: physicianId ?? null },
      practice.referent.user,
    );

  it('sums the standard minutes of the tasks completed in a week, per physician, in Europe/Paris weeks', async () => {
    // Week 49 of 2026 runs Monday 30 November 00:00 Paris (29 November 23:00 UTC) to 7 December.
    await completeAt('2026-11-30T09:00:00Z', 'exam_follow_up', practice.referent.id); // 9 (protocol)
    await completeAt('2026-12-02T15:00:00Z', 'exam_follow_up', practice.referent.id); // 9
    await completeAt('2026-12-03T10:00:00Z', 'phone_callback', practice.referent.id); // 4 (catalogue)
    await completeAt('2026-11-29T23:30:00Z', 'phone_callback', practice.backup.id); // 4: Monday 00:30 in Paris
    await completeAt('2026-11-29T22:30:00Z', 'phone_callback', practice.referent.id); // Sunday 23:30: week 48
    const cancelled = await createTask(app, practice.coordinator.user, {
      structureId: practice.structureId,
      taskType: 'phone_callback',
      title: 'Annulée',
      assigneeId: practice.assistant.id,
      physicianId: practice.referent.id,
    });
    await moveTask(app, practice.coordinator.user, {
      taskId: cancelled.id,
      to: 'cancelled',
      expectedVersion: 1,
      reason: 'Doublon',
    });

    const { delegatedTimeFreed } = await timeFreed('2026-W48', '2026-W49');
    const minutes = (week: string, physicianId: string) =>
      delegatedTimeFreed.find((w) => w.isoWeek === week && w.physicianId === physicianId);
    expect(minutes('2026-W49', practice.referent.id)).toEqual({
      isoWeek: '2026-W49',
      physicianId: practice.referent.id,
      minutes: 9 + 9 + 4,
      tasks: 3,
    });
    expect(minutes('2026-W49', practice.backup.id)).toMatchObject({ minutes: 4, tasks: 1 });
    expect(minutes('2026-W48', practice.referent.id)).toMatchObject({ minutes: 4, tasks: 1 });
  });

  it('lists weeks without completed work as zero for a physician', async () => {
    const { delegatedTimeFreed } = await timeFreed('2026-W50', '2026-W51', practice.colleague.id);
    expect(delegatedTimeFreed).toEqual([
      { isoWeek: '2026-W50', physicianId: practice.colleague.id, minutes: 0, tasks: 0 },
      { isoWeek: '2026-W51', physicianId: practice.colleague.id, minutes: 0, tasks: 0 },
    ]);
  });

  it('uses the catalogue minutes the structure set, and the protocol version a task was done under', async () => {
    jest.restoreAllMocks();
    await app.ok(
      `mutation { setTaskType(input: { structureId: "${practice.structureId}", code: "phone_callback", standardMinutes: 7 }) { code } }`,
      {},
      practice.coordinator.user,
    );
    const taskId = await completeAt('2026-12-09T09:00:00Z', 'phone_callback', practice.colleague.id);
    expect((await app.sql(`select standard_minutes, iso_week from task where id = $1`, [taskId]))[0]).toEqual({
      standard_minutes: 7,
      iso_week: '2026-W50',
    });
    expect(await app.events('delegation.task.completed.v1')).toContainEqual(
      expect.objectContaining({ taskId, standardMinutes: 7, isoWeek: '2026-W50', physicianId: practice.colleague.id }),
    );
  });

  it('gives the weekly review per delegate and referent, with the tasks to review and the dysfunctions reported', async () => {
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date('2026-12-03T12:00:00Z'));
    await app.ok(
      `mutation ($input: ReportDysfunctionInput!) { reportDysfunction(input: $input) { id } }`,
      { input: { structureId: practice.structureId, description: 'Résultat classé sans être lu' } },
      practice.referent.user,
    );
    const { weeklyDelegationReview } = await app.ok<{
      weeklyDelegationReview: {
        delegates: Array<{ memberId: string; completed: number }>;
        toReview: Array<{ taskType: string }>;
        dysfunctions: Array<{ description: string }>;
      };
    }>(
      `query ($s: ID!) { weeklyDelegationReview(structureId: $s, isoWeek: "2026-W49") {
         delegates { memberId completed validated escalated sentBack } referents { memberId validated }
         toReview { taskType } dysfunctions { description } } }`,
      { s: practice.structureId },
      practice.referent.user,
    );
    expect(weeklyDelegationReview.delegates).toContainEqual(
      expect.objectContaining({ memberId: practice.assistant.id, completed: 4 }),
    );
    expect(weeklyDelegationReview.toReview.map((t) => t.taskType)).toEqual(['exam_follow_up', 'exam_follow_up']);
    expect(weeklyDelegationReview.dysfunctions.map((d) => d.description)).toEqual(['Résultat classé sans être lu']);
    const denied = await app.gql(
      `query ($s: ID!) { weeklyDelegationReview(structureId: $s, isoWeek: "2026-W49") { isoWeek } }`,
      { s: practice.structureId },
      practice.secretary.user,
    );
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherStructure = await app.gql(
      `query ($s: ID!) { weeklyDelegationReview(structureId: $s, isoWeek: "2026-W49") { isoWeek } }`,
      { s: randomUUID() },
      practice.referent.user,
    );
    expect(otherStructure.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
