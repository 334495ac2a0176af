import { randomUUID } from 'node:crypto';
import { TestEventPublisher } from '@msp/testing';
import { DelegationTestApp } from './fixtures/delegation-test-app';
import {
  adoptProtocol,
  createTask,
  moveTask,
  openPractice,
  TASK_FIELDS,
  type Practice,
  type TaskView,
} from './fixtures/practice';

describe('the delegation board (DEL-3, DEL-4)', () => {
  let app: DelegationTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  let protocolId: string;

  beforeAll(async () => {
    app = await DelegationTestApp.start('delegation_board');
    events = await TestEventPublisher.start('delegation-spec-board');
    practice = await openPractice(app, events);
    protocolId = await adoptProtocol(app, practice);
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  const examTask = (overrides: Record<string, unknown> = {}) =>
    createTask(app, practice.referent.user, {
      structureId: practice.structureId,
      siteId: practice.siteId,
      taskType: 'exam_follow_up',
      title: 'Relancer la NFS de Mme X',
      assigneeId: practice.assistant.id,
      patientId: randomUUID(),
      ...overrides,
    });

  async function submitted(): Promise<TaskView> {
    const task = await examTask();
    const started = await moveTask(app, practice.assistant.user, {
      taskId: task.id,
      to: 'in_progress',
      expectedVersion: 1,
    });
    const sub = await moveTask(app, practice.assistant.user, {
      taskId: task.id,
      to: 'awaiting_validation',
      expectedVersion: started.data!.moveTask.task.version,
      report: 'Résultat reçu et classé.',
    });
    expect(sub.errors).toBeUndefined();
    return sub.data!.moveTask.task;
  }

  it('puts a task of a type with an adopted protocol under that protocol and its version, due by its deadline', async () => {
    const task = await examTask();
    expect(task).toMatchObject({
      status: 'todo',
      protocolId,
      protocolVersion: 1,
      validationCircuit: 'referent_review',
      physicianId: practice.referent.id,
      version: 1,
    });
    expect(new Date(task.dueAt!).getTime() - Date.now()).toBeGreaterThan(47 * 3_600_000);
    expect(await app.events('delegation.task.created.v1')).toContainEqual(
      expect.objectContaining({
        taskId: task.id,
        protocolVersion: 1,
        origin: 'person',
        assigneeId: practice.assistant.id,
      }),
    );
  });

  it('does not let a task under referent review reach done without the referent validating it', async () => {
    const task = await examTask();
    const started = await moveTask(app, practice.assistant.user, {
      taskId: task.id,
      to: 'in_progress',
      expectedVersion: 1,
    });
    const done = await moveTask(app, practice.assistant.user, { taskId: task.id, to: 'done', expectedVersion: 2 });
    expect(started.errors).toBeUndefined();
    expect(done.errors?.[0]).toMatchObject({
      message: expect.stringMatching(
        /in progress cannot move to done.*referent’s validation.*allowed: awaiting validation/,
      ),
      extensions: { code: 'CONFLICT', reason: 'DELEGATION.ILLEGAL_TRANSITION', field: 'input.to' },
    });
  });

  it('lets the referent validate a submitted task, recording who validated and the time it freed', async () => {
    const task = await submitted();
    expect(task).toMatchObject({ status: 'awaiting_validation', validatorId: practice.referent.id });
    const validated = await moveTask(app, practice.referent.user, {
      taskId: task.id,
      to: 'done',
      expectedVersion: task.version,
    });
    expect(validated.errors).toBeUndefined();
    expect(validated.data!.moveTask.task).toMatchObject({ status: 'done', standardMinutes: 6 });
    expect(await app.events('delegation.task.validated.v1')).toContainEqual(
      expect.objectContaining({ taskId: task.id, validatedBy: practice.referent.id }),
    );
    expect(await app.events('delegation.task.completed.v1')).toContainEqual(
      expect.objectContaining({
        taskId: task.id,
        delegated: true,
        standardMinutes: 6,
        physicianId: practice.referent.id,
      }),
    );
  });

  it('refuses a delegate validating their own task', async () => {
    const task = await submitted();
    const own = await moveTask(app, practice.assistant.user, {
      taskId: task.id,
      to: 'done',
      expectedVersion: task.version,
    });
    expect(own.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DELEGATION.NOT_VALIDATOR' });
    const other = await moveTask(app, practice.secondAssistant.user, {
      taskId: task.id,
      to: 'done',
      expectedVersion: task.version,
    });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DELEGATION.NOT_VALIDATOR' });
    expect((await app.sql(`select status from task where id = $1`, [task.id]))[0]).toEqual({
      status: 'awaiting_validation',
    });
  });

  it('keeps a task reserved to medical assistants from a secretary, in the pool and by assignment', async () => {
    const pooled = await examTask({ assigneeId: null, poolRole: 'medical_assistant' });
    const taken = await moveTask(app, practice.secretary.user, {
      taskId: pooled.id,
      to: 'in_progress',
      expectedVersion: 1,
    });
    expect(taken.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/reserved to: medical_assistant/),
      extensions: { code: 'FORBIDDEN', reason: 'DELEGATION.ROLE_NOT_ALLOWED' },
    });
    const assigned = await app.gql(
      `mutation ($input: AssignTaskInput!) { assignTask(input: $input) { id } }`,
      { input: { taskId: pooled.id, expectedVersion: 1, assigneeId: practice.secretary.id } },
      practice.coordinator.user,
    );
    expect(assigned.errors?.[0].extensions).toMatchObject({
      reason: 'DELEGATION.ROLE_NOT_ALLOWED',
      field: 'input.assigneeId',
    });
    const byAssistant = await moveTask(app, practice.assistant.user, {
      taskId: pooled.id,
      to: 'in_progress',
      expectedVersion: 1,
    });
    expect(byAssistant.data?.moveTask.task).toMatchObject({ status: 'in_progress', assigneeId: practice.assistant.id });
  });

  it('lets one of two people moving a task at once win; the other is told the state it is now in', async () => {
    const task = await examTask({ assigneeId: null, poolRole: 'medical_assistant' });
    const [a, b] = await Promise.all([
      moveTask(app, practice.assistant.user, { taskId: task.id, to: 'in_progress', expectedVersion: 1 }),
      moveTask(app, practice.secondAssistant.user, { taskId: task.id, to: 'in_progress', expectedVersion: 1 }),
    ]);
    const outcomes = [a, b];
    expect(outcomes.filter((o) => !o.errors)).toHaveLength(1);
    const loser = outcomes.find((o) => o.errors)!;
    expect(loser.errors![0]).toMatchObject({
      message: expect.stringMatching(/it is now in progress \(version 2\)/),
      extensions: { code: 'CONFLICT', reason: 'DELEGATION.STALE_TASK', field: 'input.expectedVersion' },
    });
    expect(await app.sql(`select count(*)::int as n from task_transition where task_id = $1`, [task.id])).toEqual([
      { n: 2 },
    ]);
  });

  it('audits every move: who, when, from, to and why', async () => {
    const task = await examTask();
    await moveTask(app, practice.assistant.user, { taskId: task.id, to: 'in_progress', expectedVersion: 1 });
    await moveTask(app, practice.assistant.user, {
      taskId: task.id,
      to: 'blocked',
      expectedVersion: 2,
      reason: 'Laboratoire injoignable',
    });
    const { task: detail } = await app.ok<{
      task: { history: Array<Record<string, unknown>>; allowedTargets: string[] };
    }>(
      `query ($id: ID!) { task(id: $id) { history { fromStatus toStatus move actorId reason at version } allowedTargets } }`,
      { id: task.id },
      practice.coordinator.user,
    );
    expect(detail.history.map((h) => [h.fromStatus, h.toStatus, h.move, h.actorId, h.reason])).toEqual([
      [null, 'todo', 'create', practice.referent.id, null],
      ['todo', 'in_progress', 'start', practice.assistant.id, null],
      ['in_progress', 'blocked', 'block', practice.assistant.id, 'Laboratoire injoignable'],
    ]);
    expect(detail.allowedTargets).toEqual(['in_progress', 'escalated', 'cancelled']);
  });

  it('requires a reason to block, escalate or cancel', async () => {
    const task = await examTask();
    const result = await moveTask(app, practice.assistant.user, {
      taskId: task.id,
      to: 'cancelled',
      expectedVersion: 1,
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
  });

  it('refuses an unknown protocol, an assignee of another structure and a past due date, writing nothing', async () => {
    const before = await app.sql(`select count(*)::int as n from task`);
    const base = { structureId: practice.structureId, title: 'Relance', taskType: 'exam_follow_up' };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...base, protocolId: randomUUID() }, 'input.protocolId', 'NOT_FOUND'],
      [{ ...base, assigneeId: randomUUID() }, 'input.assigneeId', 'NOT_FOUND'],
      [{ ...base, dueAt: '2020-01-01T00:00:00Z' }, 'input.dueAt', 'BAD_USER_INPUT'],
      [{ ...base, taskType: 'astrology' }, 'input.taskType', 'BAD_USER_INPUT'],
      [{ ...base, title: '  ' }, 'input.title', 'BAD_USER_INPUT'],
    ];
    for (const [input, field, code] of cases) {
      const result = await app.gql(
        `mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
        { input },
        practice.referent.user,
      );
      expect(result.errors?.[0].extensions).toMatchObject({ code, field });
    }
    expect(await app.sql(`select count(*)::int as n from task`)).toEqual(before);
  });

  it("shows another structure nothing of this one's board, and answers its task ids as unknown", async () => {
    const task = await examTask();
    const stranger = {
      memberId: randomUUID(),
      memberships: [{ structureId: randomUUID(), roles: ['practitioner' as const], siteIds: [] }],
    };
    const board = await app.gql(
      `query ($filter: BoardFilterInput!) { taskBoard(filter: $filter) { id } }`,
      { filter: { structureId: practice.structureId } },
      stranger,
    );
    expect(board.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const detail = await app.gql(`query ($id: ID!) { task(id: $id) { task { id } } }`, { id: task.id }, stranger);
    expect(detail.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const moved = await moveTask(app, stranger, { taskId: task.id, to: 'in_progress', expectedVersion: 1 });
    expect(moved.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('filters the board: mine, my pool, to validate', async () => {
    const mine = await examTask({ assigneeId: practice.secondAssistant.id });
    const pooled = await examTask({ assigneeId: null, poolRole: 'medical_assistant' });
    const toValidate = await submitted();
    const view = async (who: Practice['referent'], v: string) =>
      (
        await app.ok<{ taskBoard: Array<{ id: string }> }>(
          `query ($filter: BoardFilterInput!) { taskBoard(filter: $filter) { ${TASK_FIELDS} } }`,
          { filter: { structureId: practice.structureId, view: v } },
          who.user,
        )
      ).taskBoard.map((t) => t.id);
    expect(await view(practice.secondAssistant, 'mine')).toContain(mine.id);
    expect(await view(practice.secondAssistant, 'mine')).not.toContain(pooled.id);
    expect(await view(practice.secondAssistant, 'my_pool')).toContain(pooled.id);
    expect(await view(practice.secretary, 'my_pool')).not.toContain(pooled.id);
    expect(await view(practice.referent, 'to_validate')).toContain(toValidate.id);
    expect(await view(practice.backup, 'to_validate')).not.toContain(toValidate.id);
  });

  it('shows only the tasks changed since an instant, so the closed columns hold the recent work', async () => {
    const before = await examTask();
    const since = new Date(Date.now() + 1_000);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const after = await examTask();
    const board = async (updatedSince: string) =>
      (
        await app.ok<{ taskBoard: Array<{ id: string }> }>(
          `query ($filter: BoardFilterInput!) { taskBoard(filter: $filter) { ${TASK_FIELDS} } }`,
          { filter: { structureId: practice.structureId, updatedSince } },
          practice.referent.user,
        )
      ).taskBoard.map((t) => t.id);
    const recent = await board(since.toISOString());
    expect(recent).toContain(after.id);
    expect(recent).not.toContain(before.id);
    const refused = await app.gql(
      `query ($filter: BoardFilterInput!) { taskBoard(filter: $filter) { id } }`,
      { filter: { structureId: practice.structureId, updatedSince: 'last week' } },
      practice.referent.user,
    );
    expect(refused.errors?.[0].message).toMatch(/filter\.updatedSince/);
  });

  it("names a task's patient by reference only, for the directory to resolve through the gateway", async () => {
    const patientId = randomUUID();
    const withPatient = await examTask({ patientId });
    const without = await examTask({ patientId: null });
    const { taskBoard } = await app.ok<{ taskBoard: Array<{ id: string; patient: { id: string } | null }> }>(
      `query ($filter: BoardFilterInput!) { taskBoard(filter: $filter) { id patient { id } } }`,
      { filter: { structureId: practice.structureId } },
      practice.referent.user,
    );
    expect(taskBoard.find((t) => t.id === withPatient.id)?.patient).toEqual({ id: patientId });
    expect(taskBoard.find((t) => t.id === without.id)?.patient).toBeNull();
  });

  it('keeps comments and attachments by reference on a task', async () => {
    const task = await examTask();
    await app.ok(
      `mutation { commentTask(input: { taskId: "${task.id}", body: "Labo relancé ce matin" }) { id } }`,
      {},
      practice.assistant.user,
    );
    await app.ok(
      `mutation { attachToTask(input: { taskId: "${task.id}", label: "Compte rendu", reference: "doc://lgc/48213" }) { id } }`,
      {},
      practice.assistant.user,
    );
    const { task: detail } = await app.ok<{
      task: { comments: Array<{ body: string }>; attachments: Array<{ reference: string }> };
    }>(
      `query ($id: ID!) { task(id: $id) { comments { body } attachments { reference } } }`,
      { id: task.id },
      practice.referent.user,
    );
    expect(detail.comments.map((c) => c.body)).toEqual(['Labo relancé ce matin']);
    expect(detail.attachments.map((a) => a.reference)).toEqual(['doc://lgc/48213']);
  });
});
