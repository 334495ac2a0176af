import { randomUUID } from 'node:crypto';
import { Clock } from '@msp/service-kit';
import { expectEventually, TestEventPublisher } from '@msp/testing';
import { EscalationSweepJob } from '../src/application/escalation/escalation-sweep.job';
import { DelegationTestApp } from './fixtures/delegation-test-app';
import { adoptProtocol, createTask, moveTask, openPractice, type Practice, type TaskView } from './fixtures/practice';

describe('escalation to the referent physician (DEL-5)', () => {
  let app: DelegationTestApp;
  let events: TestEventPublisher;

  beforeAll(async () => {
    app = await DelegationTestApp.start('delegation_escalation');
    events = await TestEventPublisher.start('delegation-spec-escalation');
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await events?.stop();
    await app?.stop();
  });

  async function practiceWithProtocol(): Promise<Practice> {
    const practice = await openPractice(app, events);
    await adoptProtocol(app, practice);
    return practice;
  }

  async function startedTask(practice: Practice): Promise<TaskView> {
    const task = await createTask(app, practice.coordinator.user, {
      structureId: practice.structureId,
      siteId: practice.siteId,
      taskType: 'exam_follow_up',
      title: 'Relancer le bilan',
      assigneeId: practice.assistant.id,
      physicianId: practice.colleague.id,
    });
    const started = await moveTask(app, practice.assistant.user, {
      taskId: task.id,
      to: 'in_progress',
      expectedVersion: 1,
    });
    return started.data!.moveTask.task;
  }

  /** The delegate sends their started task back to a physician themselves. */
  async function escalatedByDelegate(practice: Practice, reason: string): Promise<TaskView> {
    const task = await startedTask(practice);
    const escalated = await moveTask(app, practice.assistant.user, {
      taskId: task.id,
      to: 'escalated',
      expectedVersion: task.version,
      reason,
    });
    expect(escalated.errors).toBeUndefined();
    return escalated.data!.moveTask.task;
  }

  async function away(practice: Practice, memberId: string, from: Date, to: Date): Promise<void> {
    await events.publish('scheduling.absence.declared.v1', {
      absenceId: randomUUID(),
      structureId: practice.structureId,
      practitionerId: memberId,
      kind: 'holiday',
      startsAt: from.toISOString(),
      endsAt: to.toISOString(),
      declaredAt: new Date().toISOString(),
    });
    await expectEventually(async () =>
      expect(await app.sql(`select 1 from member_absence where member_id = $1`, [memberId])).toHaveLength(1),
    );
  }

  it("sends a submission whose report names an alert keyword to the delegate's referent instead of validation", async () => {
    const practice = await practiceWithProtocol();
    const task = await startedTask(practice);
    const result = await moveTask(app, practice.assistant.user, {
      taskId: task.id,
      to: 'awaiting_validation',
      expectedVersion: task.version,
      report: 'Résultat reçu ; la patiente signale un Saignement depuis deux jours.',
    });
    expect(result.data!.moveTask.thresholdHits).toEqual([{ kind: 'keyword', entry: 'saignement' }]);
    expect(result.data!.moveTask.task).toMatchObject({
      status: 'escalated',
      escalatedTo: practice.referent.id,
      escalationReason: 'threshold',
    });
    expect(await app.events('delegation.task.escalated.v1')).toContainEqual(
      expect.objectContaining({
        taskId: task.id,
        reason: 'threshold',
        thresholdKinds: ['keyword'],
        escalatedTo: practice.referent.id,
      }),
    );
    expect(await app.events('delegation.task.submitted.v1')).not.toContainEqual(
      expect.objectContaining({ taskId: task.id }),
    );
  });

  it('escalates a flag the delegate raises on submission', async () => {
    const practice = await practiceWithProtocol();
    const task = await startedTask(practice);
    const result = await moveTask(app, practice.assistant.user, {
      taskId: task.id,
      to: 'awaiting_validation',
      expectedVersion: task.version,
      flags: ['abnormal_result'],
    });
    expect(result.data!.moveTask.task).toMatchObject({ status: 'escalated', flags: ['abnormal_result'] });
  });

  it('escalates a task whose deadline has passed, when the clock says so', async () => {
    const practice = await practiceWithProtocol();
    const task = await startedTask(practice);
    const sweep = app.get(EscalationSweepJob);
    const clock = app.get(Clock);
    const due = new Date(task.dueAt!);
    jest.spyOn(clock, 'now').mockReturnValue(new Date(due.getTime() - 60_000));
    await sweep.sweep();
    expect((await app.sql(`select status from task where id = $1`, [task.id]))[0]).toEqual({ status: 'in_progress' });
    jest.spyOn(clock, 'now').mockReturnValue(new Date(due.getTime() + 60_000));
    expect((await sweep.sweep()).overdue).toBeGreaterThanOrEqual(1);
    expect(
      (await app.sql(`select status, escalated_to, escalation_reason from task where id = $1`, [task.id]))[0],
    ).toEqual({
      status: 'escalated',
      escalated_to: practice.referent.id,
      escalation_reason: 'deadline',
    });
    const audit = await app.sql(
      `select actor_id, reason from task_transition where task_id = $1 and move = 'escalate'`,
      [task.id],
    );
    expect(audit).toEqual([{ actor_id: null, reason: expect.stringMatching(/deadline passed/) }]);
    jest.restoreAllMocks();
  });

  it('lands with the backup referent while the referent is away', async () => {
    const practice = await practiceWithProtocol();
    const now = new Date();
    await away(
      practice,
      practice.referent.id,
      new Date(now.getTime() - 3_600_000),
      new Date(now.getTime() + 7 * 86_400_000),
    );
    const escalated = await escalatedByDelegate(practice, 'Patient inquiet, je préfère un avis médical');
    expect(escalated).toMatchObject({ status: 'escalated', escalatedTo: practice.backup.id });
    const submittedTask = await startedTask(practice);
    const submitted = await moveTask(app, practice.assistant.user, {
      taskId: submittedTask.id,
      to: 'awaiting_validation',
      expectedVersion: submittedTask.version,
    });
    expect(submitted.data!.moveTask.task).toMatchObject({
      status: 'awaiting_validation',
      validatorId: practice.backup.id,
    });
  });

  it('moves an escalation waiting on a referent who goes away to the backup, then to the physician of the task', async () => {
    const practice = await practiceWithProtocol();
    const task = await escalatedByDelegate(practice, 'Question de posologie');
    expect(task.escalatedTo).toBe(practice.referent.id);
    const now = new Date();
    await away(practice, practice.referent.id, new Date(now.getTime() - 60_000), new Date(now.getTime() + 86_400_000));
    await app.get(EscalationSweepJob).sweep();
    expect((await app.sql(`select escalated_to, escalation_reason from task where id = $1`, [task.id]))[0]).toEqual({
      escalated_to: practice.backup.id,
      escalation_reason: 'target_absent',
    });
    await away(practice, practice.backup.id, new Date(now.getTime() - 60_000), new Date(now.getTime() + 86_400_000));
    await app.get(EscalationSweepJob).sweep();
    expect((await app.sql(`select escalated_to from task where id = $1`, [task.id]))[0]).toEqual({
      escalated_to: practice.colleague.id,
    });
  });

  it('lets the physician it was escalated to hand it back to the delegate, and nobody else', async () => {
    const practice = await practiceWithProtocol();
    const task = await escalatedByDelegate(practice, 'Doute sur la conduite à tenir');
    const byOtherAssistant = await moveTask(app, practice.secondAssistant.user, {
      taskId: task.id,
      to: 'in_progress',
      expectedVersion: task.version,
    });
    expect(byOtherAssistant.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const handedBack = await moveTask(app, practice.referent.user, {
      taskId: task.id,
      to: 'in_progress',
      expectedVersion: task.version,
    });
    expect(handedBack.data!.moveTask.task).toMatchObject({
      status: 'in_progress',
      assigneeId: practice.assistant.id,
      escalatedTo: null,
    });
  });

  it('frees no delegated time when the physician resolves an escalated task themselves', async () => {
    const practice = await practiceWithProtocol();
    const task = await escalatedByDelegate(practice, 'Doute');
    const resolved = await moveTask(app, practice.referent.user, {
      taskId: task.id,
      to: 'done',
      expectedVersion: task.version,
    });
    expect(resolved.data!.moveTask.task.status).toBe('done');
    expect(await app.events('delegation.task.completed.v1')).toContainEqual(
      expect.objectContaining({ taskId: task.id, delegated: false }),
    );
  });
});
