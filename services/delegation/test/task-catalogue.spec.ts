import { randomUUID } from 'node:crypto';
import type { UserContext } from '@msp/auth';
import { TestEventPublisher } from '@msp/testing';
import { DelegationTestApp } from './fixtures/delegation-test-app';
import { createTask, moveTask, openPractice, type Practice } from './fixtures/practice';

interface TaskTypeView {
  code: string;
  label: string;
  category: string;
  standardMinutes: number;
  defaultRoles: string[];
  active: boolean;
}

const TYPE_FIELDS = 'code label category standardMinutes defaultRoles active';

describe('the task catalogue, editable per structure (DEL-1)', () => {
  let app: DelegationTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  let neighbour: Practice;

  beforeAll(async () => {
    app = await DelegationTestApp.start('delegation_catalogue');
    events = await TestEventPublisher.start('delegation-spec-catalogue');
    practice = await openPractice(app, events);
    neighbour = await openPractice(app, events);
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  const catalogue = async (p: Practice = practice): Promise<TaskTypeView[]> =>
    (
      await app.ok<{ taskCatalogue: TaskTypeView[] }>(
        `query ($s: ID!) { taskCatalogue(structureId: $s) { ${TYPE_FIELDS} } }`,
        { s: p.structureId },
        p.assistant.user,
      )
    ).taskCatalogue;

  const setTaskType = (who: UserContext, input: Record<string, unknown>, structureId = practice.structureId) =>
    app.gql<{ setTaskType: TaskTypeView }>(
      `mutation ($input: SetTaskTypeInput!) { setTaskType(input: $input) { ${TYPE_FIELDS} } }`,
      { input: { structureId, ...input } },
      who,
    );

  const rowsOf = (structureId: string) =>
    app.sql(`select code, standard_minutes, active from task_type where structure_id = $1 order by code`, [
      structureId,
    ]);

  it('starts every structure with the eleven default types, administrative then medico-administrative, with minutes', async () => {
    const fresh = await openPractice(app, events);
    expect((await catalogue(fresh)).map((t) => [t.code, t.category, t.standardMinutes, t.active])).toEqual([
      ['appointment_management', 'administrative', 3, true],
      ['billing', 'administrative', 5, true],
      ['patient_records', 'administrative', 4, true],
      ['phone_callback', 'administrative', 4, true],
      ['patient_correspondence', 'administrative', 8, true],
      ['insurer_correspondence', 'administrative', 10, true],
      ['consultation_preparation', 'medico_administrative', 5, true],
      ['exam_follow_up', 'medico_administrative', 6, true],
      ['prescription_renewal', 'medico_administrative', 4, true],
      ['professional_coordination', 'medico_administrative', 10, true],
      ['insurance_files', 'medico_administrative', 15, true],
    ]);
    const [first] = await catalogue(fresh);
    expect(first).toEqual({
      code: 'appointment_management',
      label: 'Gestion des rendez-vous',
      category: 'administrative',
      standardMinutes: 3,
      defaultRoles: ['secretary', 'medical_assistant'],
      active: true,
    });
  });

  it("lets a coordinator change a default type's minutes, for this structure only", async () => {
    const result = await setTaskType(practice.coordinator.user, { code: 'billing', standardMinutes: 7 });
    expect(result.data?.setTaskType).toEqual({
      code: 'billing',
      label: 'Facturation et tiers payant',
      category: 'administrative',
      standardMinutes: 7,
      defaultRoles: ['secretary', 'medical_assistant'],
      active: true,
    });
    const mine = await catalogue();
    expect(mine.map((t) => t.code)[1]).toBe('billing');
    expect(mine.find((t) => t.code === 'billing')?.standardMinutes).toBe(7);
    expect((await catalogue(neighbour)).find((t) => t.code === 'billing')?.standardMinutes).toBe(5);
    expect(await rowsOf(neighbour.structureId)).toEqual([]);
  });

  it('counts a completed task of an edited type with the minutes the structure set', async () => {
    await setTaskType(practice.coordinator.user, { code: 'patient_correspondence', standardMinutes: 11 });
    const task = await createTask(app, practice.coordinator.user, {
      structureId: practice.structureId,
      taskType: 'patient_correspondence',
      title: 'Courrier de résultats',
      assigneeId: practice.secretary.id,
      physicianId: practice.referent.id,
    });
    await moveTask(app, practice.secretary.user, { taskId: task.id, to: 'in_progress', expectedVersion: 1 });
    const done = await moveTask(app, practice.secretary.user, { taskId: task.id, to: 'done', expectedVersion: 2 });
    expect(done.data?.moveTask.task.standardMinutes).toBe(11);
  });

  it("adds a type of the structure's own after the defaults, usable for tasks", async () => {
    const result = await setTaskType(practice.coordinator.user, {
      code: 'vaccination_campaign',
      label: 'Relance de la campagne de vaccination',
      category: 'medico_administrative',
      standardMinutes: 6,
      defaultRoles: ['medical_assistant', 'coordinator'],
    });
    expect(result.data?.setTaskType).toEqual({
      code: 'vaccination_campaign',
      label: 'Relance de la campagne de vaccination',
      category: 'medico_administrative',
      standardMinutes: 6,
      defaultRoles: ['medical_assistant', 'coordinator'],
      active: true,
    });
    const mine = await catalogue();
    expect(mine).toHaveLength(12);
    expect(mine[11].code).toBe('vaccination_campaign');
    expect((await catalogue(neighbour)).map((t) => t.code)).not.toContain('vaccination_campaign');
    const task = await createTask(app, practice.coordinator.user, {
      structureId: practice.structureId,
      taskType: 'vaccination_campaign',
      title: 'Relancer les patients de plus de 65 ans',
    });
    expect(task).toMatchObject({ taskType: 'vaccination_campaign', poolRole: 'medical_assistant' });
    const elsewhere = await app.gql(
      `mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
      { input: { structureId: neighbour.structureId, taskType: 'vaccination_campaign', title: 'Relance' } },
      neighbour.coordinator.user,
    );
    expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.taskType' });
  });

  it('requires a label, a category and minutes for a new type, naming its code', async () => {
    const complete = { code: 'home_visit_planning', label: 'Planification des visites', category: 'administrative' };
    for (const missing of ['label', 'category', 'standardMinutes'] as const) {
      const input: Record<string, unknown> = { ...complete, standardMinutes: 5 };
      delete input[missing];
      const result = await setTaskType(practice.coordinator.user, input);
      expect({ missing, extensions: result.errors?.[0].extensions }).toEqual({
        missing,
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.code' }),
      });
    }
    expect(await app.sql(`select 1 from task_type where code = 'home_visit_planning'`)).toEqual([]);
  });

  it('refuses a bad code, label, minutes, category or role, naming the field, and keeps the catalogue as it was', async () => {
    const before = await rowsOf(practice.structureId);
    const own = { label: 'Tâche du cabinet', category: 'administrative', standardMinutes: 5 };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...own, code: 'Tâche Cabinet' }, 'input.code'],
      [{ ...own, code: 'x' }, 'input.code'],
      [{ code: 'billing', label: '   ' }, 'input.label'],
      [{ code: 'billing', label: 'L'.repeat(121) }, 'input.label'],
      [{ code: 'billing', standardMinutes: -1 }, 'input.standardMinutes'],
      [{ code: 'billing', standardMinutes: 1_441 }, 'input.standardMinutes'],
      [{ code: 'billing', category: 'clinical' }, 'input.category'],
      [{ code: 'billing', defaultRoles: ['astrologer'] }, 'input.defaultRoles'],
      [{ code: 'billing', defaultRoles: [] }, 'input.defaultRoles'],
    ];
    for (const [input, field] of cases) {
      const result = await setTaskType(practice.coordinator.user, input);
      expect({ input, extensions: result.errors?.[0].extensions }).toEqual({
        input,
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      });
    }
    expect(await rowsOf(practice.structureId)).toEqual(before);
  });

  it('lets neither a secretary nor a physician edit the catalogue, and another structure not even see it', async () => {
    const before = await rowsOf(practice.structureId);
    for (const who of [practice.secretary, practice.referent, practice.assistant]) {
      const result = await setTaskType(who.user, { code: 'phone_callback', standardMinutes: 30 });
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const byNeighbour = await setTaskType(neighbour.coordinator.user, { code: 'phone_callback', standardMinutes: 30 });
    expect(byNeighbour.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.structureId' });
    const read = await app.gql(
      `query ($s: ID!) { taskCatalogue(structureId: $s) { code } }`,
      { s: practice.structureId },
      neighbour.coordinator.user,
    );
    expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await rowsOf(practice.structureId)).toEqual(before);
    expect((await catalogue()).find((t) => t.code === 'phone_callback')?.standardMinutes).toBe(4);
  });

  it('no longer offers a deactivated type for new tasks; tasks already made of it carry on, and it can come back', async () => {
    const earlier = await createTask(app, practice.coordinator.user, {
      structureId: practice.structureId,
      taskType: 'insurer_correspondence',
      title: 'Courrier à la CPAM',
      assigneeId: practice.secretary.id,
    });
    const off = await setTaskType(practice.coordinator.user, { code: 'insurer_correspondence', active: false });
    expect(off.data?.setTaskType).toMatchObject({ code: 'insurer_correspondence', active: false, standardMinutes: 10 });
    expect((await catalogue()).find((t) => t.code === 'insurer_correspondence')?.active).toBe(false);

    const refused = await app.gql(
      `mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
      { input: { structureId: practice.structureId, taskType: 'insurer_correspondence', title: 'Autre courrier' } },
      practice.coordinator.user,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.taskType' });
    const started = await moveTask(app, practice.secretary.user, {
      taskId: earlier.id,
      to: 'in_progress',
      expectedVersion: 1,
    });
    expect(started.data?.moveTask.task.status).toBe('in_progress');

    // The neighbour still offers it.
    await createTask(app, neighbour.coordinator.user, {
      structureId: neighbour.structureId,
      taskType: 'insurer_correspondence',
      title: 'Courrier à la MSA',
    });
    await setTaskType(practice.coordinator.user, { code: 'insurer_correspondence', active: true });
    const back = await createTask(app, practice.coordinator.user, {
      structureId: practice.structureId,
      taskType: 'insurer_correspondence',
      title: 'Courrier à la mutuelle',
      patientId: randomUUID(),
    });
    expect(back.taskType).toBe('insurer_correspondence');
  });
});
