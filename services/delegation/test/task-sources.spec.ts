import { randomUUID } from 'node:crypto';
import { expectEventually, TestEventPublisher } from '@msp/testing';
import { DelegationTestApp } from './fixtures/delegation-test-app';
import { moveTask, openPractice, type Practice, TASK_FIELDS } from './fixtures/practice';

describe('tasks made from other services’ facts (DEL-3)', () => {
  let app: DelegationTestApp;
  let events: TestEventPublisher;
  let practice: Practice;

  beforeAll(async () => {
    app = await DelegationTestApp.start('delegation_sources');
    events = await TestEventPublisher.start('delegation-spec-sources');
    practice = await openPractice(app, events);
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  const tasksFrom = (sourceId: string) =>
    app.sql<Record<string, unknown>>(
      `select origin, task_type, status, pool_role, assignee_id, physician_id, patient_id, categories, title, due_at
         from task where source_id = $1`,
      [sourceId],
    );

  it('makes one callback task of a message taken by the virtual secretary, even delivered twice', async () => {
    const callId = randomUUID();
    const patientId = randomUUID();
    const message = {
      callId,
      structureId: practice.structureId,
      siteId: practice.siteId,
      practitionerId: practice.referent.id,
      patientId,
      intent: 'prescription' as const,
      reason: 'rule' as const,
      recordingSeconds: 20,
      takenAt: new Date().toISOString(),
    };
    await events.publish('call-routing.message.taken.v1', message);
    await events.publish('call-routing.message.taken.v1', message);
    await expectEventually(async () => expect(await tasksFrom(callId)).toHaveLength(1));
    // The second delivery is consumed too (the next fact behind it arrives): still one task.
    const marker = randomUUID();
    await events.publish('call-routing.message.taken.v1', { ...message, callId: marker });
    await expectEventually(async () => expect(await tasksFrom(marker)).toHaveLength(1));
    expect(await tasksFrom(callId)).toEqual([
      expect.objectContaining({
        origin: 'call_message',
        task_type: 'phone_callback',
        status: 'todo',
        pool_role: 'secretary',
        assignee_id: null,
        physician_id: practice.referent.id,
        patient_id: patientId,
        categories: ['prescription'],
        title: 'Rappeler le patient — ordonnance',
      }),
    ]);
    expect((await app.events('delegation.task.created.v1')).filter((e) => e.sourceId === callId)).toHaveLength(1);
  });

  it('makes exactly one task of a meeting action item, for the member the meeting named', async () => {
    const actionItemId = randomUUID();
    const item = {
      actionItemId,
      meetingId: randomUUID(),
      structureId: practice.structureId,
      siteId: practice.siteId,
      assigneeId: practice.assistant.id,
      taskType: 'professional_coordination',
      protocolId: null,
      patientId: randomUUID(),
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      createdAt: new Date().toISOString(),
    };
    await events.publish('coordination.action-item.created.v1', item);
    await events.publish('coordination.action-item.created.v1', item);
    await expectEventually(async () => expect(await tasksFrom(actionItemId)).toHaveLength(1));
    const marker = randomUUID();
    await events.publish('coordination.action-item.created.v1', { ...item, actionItemId: marker });
    await expectEventually(async () => expect(await tasksFrom(marker)).toHaveLength(1));
    expect(await tasksFrom(actionItemId)).toEqual([
      expect.objectContaining({
        origin: 'meeting_action_item',
        task_type: 'professional_coordination',
        assignee_id: practice.assistant.id,
        due_at: new Date(item.dueAt),
      }),
    ]);
  });

  it("answers the tasks of a meeting's action items by their ids, whatever their column, and refuses an id that is not one", async () => {
    const [moved, waiting, other] = [randomUUID(), randomUUID(), randomUUID()];
    for (const actionItemId of [moved, waiting, other])
      await events.publish('coordination.action-item.created.v1', {
        actionItemId,
        meetingId: randomUUID(),
        structureId: practice.structureId,
        siteId: practice.siteId,
        assigneeId: practice.assistant.id,
        taskType: 'professional_coordination',
        createdAt: new Date().toISOString(),
      });
    await expectEventually(async () => expect(await tasksFrom(other)).toHaveLength(1));
    const [{ id }] = await app.sql<{ id: string }>(`select id from task where source_id = $1`, [moved]);
    const started = await moveTask(app, practice.assistant.user, { taskId: id, to: 'in_progress', expectedVersion: 1 });
    await moveTask(app, practice.assistant.user, {
      taskId: id,
      to: 'done',
      expectedVersion: started.data!.moveTask.task.version,
    });
    const { taskBoard } = await app.ok<{ taskBoard: Array<{ sourceId: string; status: string }> }>(
      `query ($filter: BoardFilterInput!) { taskBoard(filter: $filter) { ${TASK_FIELDS} } }`,
      { filter: { structureId: practice.structureId, sourceIds: [moved, waiting] } },
      practice.secretary.user,
    );
    expect(taskBoard.map((t) => [t.sourceId, t.status]).sort()).toEqual(
      [
        [moved, 'done'],
        [waiting, 'todo'],
      ].sort(),
    );
    const refused = await app.gql(
      `query ($filter: BoardFilterInput!) { taskBoard(filter: $filter) { id } }`,
      { filter: { structureId: practice.structureId, sourceIds: [moved, 'item 2'] } },
      practice.secretary.user,
    );
    expect(refused.errors?.[0].message).toMatch(/filter\.sourceIds\[1\]/);
  });

  it('puts an action item for someone who is not a member in the pool, and an unknown type under the default', async () => {
    const actionItemId = randomUUID();
    await events.publish('coordination.action-item.created.v1', {
      actionItemId,
      meetingId: randomUUID(),
      structureId: practice.structureId,
      assigneeId: randomUUID(),
      taskType: 'no_such_type',
      createdAt: new Date().toISOString(),
    });
    await expectEventually(async () =>
      expect(await tasksFrom(actionItemId)).toEqual([
        expect.objectContaining({
          task_type: 'professional_coordination',
          assignee_id: null,
          pool_role: 'medical_assistant',
        }),
      ]),
    );
  });

  it('makes a task to chase the exam a practitioner asked for on completing an appointment, due when asked', async () => {
    const appointmentId = randomUUID();
    const dueBy = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const completed = {
      appointmentId,
      structureId: practice.structureId,
      siteId: practice.siteId,
      practitionerId: practice.referent.id,
      patientId: randomUUID(),
      motifId: randomUUID(),
      startsAt: new Date(Date.now() - 1_800_000).toISOString(),
      endsAt: new Date(Date.now() - 600_000).toISOString(),
      completedAt: new Date().toISOString(),
    };
    await events.publish('scheduling.appointment.completed.v1', {
      ...completed,
      followUp: { kind: 'exam_to_chase', exam: 'imaging', dueBy },
    });
    // A completion without follow-up makes nothing.
    const plain = randomUUID();
    const plainEventId = await events.publish('scheduling.appointment.completed.v1', {
      ...completed,
      appointmentId: plain,
    });
    await expectEventually(async () =>
      expect(await tasksFrom(appointmentId)).toEqual([
        expect.objectContaining({
          origin: 'appointment_follow_up',
          task_type: 'exam_follow_up',
          physician_id: practice.referent.id,
          categories: ['imaging'],
          title: 'Relancer le résultat — imagerie',
          due_at: new Date(dueBy),
          pool_role: 'medical_assistant',
        }),
      ]),
    );
    await expectEventually(async () =>
      expect(await app.sql(`select 1 from inbox_message where event_id = $1`, [plainEventId])).toHaveLength(1),
    );
    expect(await tasksFrom(plain)).toEqual([]);
  });
});
