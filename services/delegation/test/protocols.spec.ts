import { randomUUID } from 'node:crypto';
import type { UserContext } from '@msp/auth';
import { TestEventPublisher } from '@msp/testing';
import { DelegationTestApp } from './fixtures/delegation-test-app';
import { createTask, moveTask, openPractice, PROTOCOL_FIELDS, type Practice } from './fixtures/practice';

interface ProtocolView {
  id: string;
  status: string;
  currentVersion: number;
  current: {
    version: number;
    taskType: string;
    validationCircuit: string;
    executingRoles: string[];
    professions: string[];
    pluriprofessional: boolean;
    standardMinutes: number | null;
    deadlineHours: number | null;
    alertThresholds: { categories: string[]; flags: string[]; keywords: string[] };
  };
}

describe('delegation protocols: drafted, adopted by a physician, revised, retired (DEL-2)', () => {
  let app: DelegationTestApp;
  let events: TestEventPublisher;
  let practice: Practice;

  beforeAll(async () => {
    app = await DelegationTestApp.start('delegation_protocols');
    events = await TestEventPublisher.start('delegation-spec-protocols');
    practice = await openPractice(app, events);
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  const content = (overrides: Record<string, unknown> = {}) => ({
    title: 'Préparation des renouvellements',
    mission: 'Préparer l’ordonnance de renouvellement d’un traitement chronique stable',
    procedure: '1. Vérifier la dernière consultation.\n2. Préparer l’ordonnance.\n3. La soumettre au médecin.',
    taskType: 'prescription_renewal',
    executingRoles: ['medical_assistant'],
    professions: ['general_practitioner', 'medical_assistant'],
    validationCircuit: 'weekly_review',
    alertThresholds: { categories: [], flags: ['side_effect'], keywords: ['allergie'] },
    deadlineHours: 72,
    ...overrides,
  });

  const draft = (who: UserContext, overrides: Record<string, unknown> = {}, structureId = practice.structureId) =>
    app.gql<{ draftProtocol: ProtocolView }>(
      `mutation ($input: DraftProtocolInput!) { draftProtocol(input: $input) { ${PROTOCOL_FIELDS} } }`,
      { input: { structureId, ...content(overrides) } },
      who,
    );

  async function drafted(overrides: Record<string, unknown> = {}, p: Practice = practice): Promise<string> {
    const result = await draft(p.coordinator.user, overrides, p.structureId);
    expect(result.errors).toBeUndefined();
    return result.data!.draftProtocol.id;
  }

  const adopt = (who: UserContext, protocolId: string, meetingId?: string) =>
    app.gql<{ adoptProtocol: ProtocolView & { current: { meetingId: string | null; adoptedBy: string | null } } }>(
      `mutation ($input: AdoptProtocolInput!) { adoptProtocol(input: $input) {
         ${PROTOCOL_FIELDS} current { meetingId adoptedBy } } }`,
      { input: { protocolId, meetingId: meetingId ?? null } },
      who,
    );

  async function adopted(overrides: Record<string, unknown> = {}, p: Practice = practice): Promise<string> {
    const id = await drafted(overrides, p);
    const result = await adopt(p.referent.user, id);
    expect(result.errors).toBeUndefined();
    return id;
  }

  const revise = (who: UserContext, protocolId: string, overrides: Record<string, unknown> = {}) =>
    app.gql<{ reviseProtocol: ProtocolView }>(
      `mutation ($input: EditProtocolInput!) { reviseProtocol(input: $input) { ${PROTOCOL_FIELDS} } }`,
      { input: { protocolId, ...content(overrides) } },
      who,
    );

  const retire = (who: UserContext, protocolId: string) =>
    app.gql<{ retireProtocol: ProtocolView }>(
      `mutation ($id: ID!) { retireProtocol(protocolId: $id) { id status } }`,
      { id: protocolId },
      who,
    );

  const read = (protocolId: string, who: UserContext = practice.secretary.user) =>
    app.gql<{
      delegationProtocol: ProtocolView & {
        current: { title: string; mission: string; meetingId: string | null; adoptedBy: string | null };
        versions: Array<{ version: number; standardMinutes: number | null; mission: string; adoptedBy: string }>;
      };
    }>(
      `query ($id: ID!) { delegationProtocol(id: $id) {
         ${PROTOCOL_FIELDS} current { title mission meetingId adoptedBy }
         versions { version standardMinutes mission adoptedBy } } }`,
      { id: protocolId },
      who,
    );

  const statusOf = async (protocolId: string) =>
    (await app.sql<{ status: string }>(`select status from protocol where id = $1`, [protocolId]))[0]?.status;

  const eventsFor = async (type: string, protocolId: string) =>
    (await app.events(type)).filter((e) => e.protocolId === protocolId);

  /** A practice of its own: one adopted protocol per task type and structure, so each test starts from none. */
  const freshPractice = () => openPractice(app, events);

  it('lets a coordinator draft a protocol and edit the draft, which no task falls under until it is adopted', async () => {
    const p = await freshPractice();
    const id = await drafted({}, p);
    const edited = await app.gql<{ editProtocolDraft: ProtocolView }>(
      `mutation ($input: EditProtocolInput!) { editProtocolDraft(input: $input) { ${PROTOCOL_FIELDS} } }`,
      {
        input: {
          protocolId: id,
          ...content({ mission: 'Préparer les renouvellements de moins de trois mois', deadlineHours: 24 }),
        },
      },
      p.coordinator.user,
    );
    expect(edited.errors).toBeUndefined();
    const { data } = await read(id, p.secretary.user);
    expect(data!.delegationProtocol).toMatchObject({
      status: 'draft',
      currentVersion: 1,
      current: {
        mission: 'Préparer les renouvellements de moins de trois mois',
        deadlineHours: 24,
        adoptedBy: null,
      },
    });
    expect(data!.delegationProtocol.versions).toHaveLength(1);
    const task = await createTask(app, p.referent.user, {
      structureId: p.structureId,
      taskType: 'prescription_renewal',
      title: 'Renouveler le traitement de M. Y',
    });
    expect(task).toMatchObject({ protocolId: null, protocolVersion: null, validationCircuit: 'none' });
    expect(await eventsFor('delegation.protocol.adopted.v1', id)).toEqual([]);
  });

  it('lets only a practitioner adopt: a coordinator or a secretary adopting is forbidden and the draft stays a draft', async () => {
    const p = await freshPractice();
    const id = await drafted({}, p);
    for (const who of [p.coordinator, p.secretary, p.assistant]) {
      const result = await adopt(who.user, id);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await statusOf(id)).toBe('draft');
    expect(await eventsFor('delegation.protocol.adopted.v1', id)).toEqual([]);
    const byPhysician = await adopt(p.referent.user, id);
    expect(byPhysician.data?.adoptProtocol).toMatchObject({ status: 'adopted', current: { adoptedBy: p.referent.id } });
  });

  it('records an adoption as pluriprofessional when a physician’s profession is among those involved', async () => {
    const p = await freshPractice();
    const withPhysician = await adopted(
      { taskType: 'exam_follow_up', professions: ['general_practitioner', 'medical_assistant'] },
      p,
    );
    const withoutPhysician = await adopted(
      { taskType: 'consultation_preparation', professions: ['nurse', 'medical_assistant'] },
      p,
    );
    expect(await eventsFor('delegation.protocol.adopted.v1', withPhysician)).toEqual([
      expect.objectContaining({
        structureId: p.structureId,
        version: 1,
        taskType: 'exam_follow_up',
        professions: ['general_practitioner', 'medical_assistant'],
        pluriprofessional: true,
        // No minutes of its own: the catalogue's for the type.
        standardMinutes: 6,
        adoptedBy: p.referent.id,
      }),
    ]);
    expect(await eventsFor('delegation.protocol.adopted.v1', withoutPhysician)).toEqual([
      expect.objectContaining({ pluriprofessional: false, professions: ['nurse', 'medical_assistant'] }),
    ]);
  });

  it('keeps the meeting that adopted a protocol, readable by the team', async () => {
    const p = await freshPractice();
    const id = await drafted({}, p);
    const meetingId = randomUUID();
    const result = await adopt(p.backup.user, id, meetingId);
    expect(result.data?.adoptProtocol.current).toMatchObject({ meetingId, adoptedBy: p.backup.id });
    const { data } = await read(id, p.assistant.user);
    expect(data!.delegationProtocol.current).toMatchObject({ meetingId, adoptedBy: p.backup.id });
    const badMeeting = await adopt(p.referent.user, await drafted({ taskType: 'billing' }, p), 'meeting-42');
    expect(badMeeting.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.meetingId' });
  });

  it('makes a revision version 2: a task made before keeps version 1 and its minutes, a new one gets version 2', async () => {
    const p = await freshPractice();
    const id = await adopted(
      { taskType: 'consultation_preparation', validationCircuit: 'none', standardMinutes: 7 },
      p,
    );
    const taskOf = () =>
      createTask(app, p.referent.user, {
        structureId: p.structureId,
        taskType: 'consultation_preparation',
        title: 'Préparer la consultation de Mme Z',
        assigneeId: p.assistant.id,
      });
    const before = await taskOf();
    expect(before).toMatchObject({ protocolId: id, protocolVersion: 1 });

    const revised = await revise(p.referent.user, id, {
      taskType: 'consultation_preparation',
      validationCircuit: 'none',
      standardMinutes: 12,
      mission: 'Préparer la consultation, mesures comprises',
    });
    expect(revised.data?.reviseProtocol).toMatchObject({
      status: 'adopted',
      currentVersion: 2,
      current: { version: 2, standardMinutes: 12 },
    });
    expect(await eventsFor('delegation.protocol.revised.v1', id)).toEqual([
      expect.objectContaining({ version: 2, standardMinutes: 12, revisedBy: p.referent.id }),
    ]);

    const after = await taskOf();
    expect(after).toMatchObject({ protocolId: id, protocolVersion: 2 });
    const complete = async (taskId: string) => {
      await moveTask(app, p.assistant.user, { taskId, to: 'in_progress', expectedVersion: 1 });
      const done = await moveTask(app, p.assistant.user, { taskId, to: 'done', expectedVersion: 2 });
      expect(done.errors).toBeUndefined();
      return done.data!.moveTask.task;
    };
    expect(await complete(before.id)).toMatchObject({ protocolVersion: 1, standardMinutes: 7 });
    expect(await complete(after.id)).toMatchObject({ protocolVersion: 2, standardMinutes: 12 });
    expect(await app.events('delegation.task.completed.v1')).toContainEqual(
      expect.objectContaining({ taskId: before.id, standardMinutes: 7 }),
    );
  });

  it('lists every version newest first, the earlier ones as they were adopted', async () => {
    const p = await freshPractice();
    const id = await adopted({ standardMinutes: 3, mission: 'Première rédaction' }, p);
    await revise(p.referent.user, id, { standardMinutes: 4, mission: 'Deuxième rédaction' });
    await revise(p.backup.user, id, { standardMinutes: 5, mission: 'Troisième rédaction' });
    const { data } = await read(id, p.assistant.user);
    expect(data!.delegationProtocol.versions).toEqual([
      { version: 3, standardMinutes: 5, mission: 'Troisième rédaction', adoptedBy: p.backup.id },
      { version: 2, standardMinutes: 4, mission: 'Deuxième rédaction', adoptedBy: p.referent.id },
      { version: 1, standardMinutes: 3, mission: 'Première rédaction', adoptedBy: p.referent.id },
    ]);
  });

  it('lets only a practitioner revise, and refuses revising a draft', async () => {
    const p = await freshPractice();
    const id = await adopted({}, p);
    const byCoordinator = await revise(p.coordinator.user, id, { standardMinutes: 9 });
    expect(byCoordinator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const draftId = await drafted({ taskType: 'billing' }, p);
    const revisingDraft = await revise(p.referent.user, draftId, { taskType: 'billing' });
    expect(revisingDraft.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'DELEGATION.PROTOCOL_STATE',
      field: 'input.protocolId',
    });
    expect(await app.sql(`select max(version)::int as v from protocol_version where protocol_id = $1`, [id])).toEqual([
      { v: 1 },
    ]);
  });

  it('stops new tasks under a retired protocol; a retired protocol cannot be adopted again', async () => {
    const p = await freshPractice();
    const id = await adopted({}, p);
    const retired = await retire(p.referent.user, id);
    expect(retired.data?.retireProtocol).toEqual({ id, status: 'retired' });
    expect(await eventsFor('delegation.protocol.retired.v1', id)).toEqual([
      expect.objectContaining({ protocolId: id, version: 1, retiredBy: p.referent.id }),
    ]);

    const under = await app.gql(
      `mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
      { input: { structureId: p.structureId, protocolId: id, title: 'Renouvellement' } },
      p.referent.user,
    );
    expect(under.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/retired/),
      extensions: { code: 'CONFLICT', reason: 'DELEGATION.PROTOCOL_STATE', field: 'input.protocolId' },
    });
    // A task of the type is no longer done under it.
    const ofType = await createTask(app, p.referent.user, {
      structureId: p.structureId,
      taskType: 'prescription_renewal',
      title: 'Renouvellement',
    });
    expect(ofType).toMatchObject({ protocolId: null, protocolVersion: null });

    const again = await adopt(p.referent.user, id);
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'DELEGATION.PROTOCOL_STATE',
      field: 'input.protocolId',
    });
    expect(await statusOf(id)).toBe('retired');
    expect(await eventsFor('delegation.protocol.adopted.v1', id)).toHaveLength(1);
  });

  it('retires a draft without telling anyone: it never applied', async () => {
    const p = await freshPractice();
    const id = await drafted({}, p);
    expect((await retire(p.referent.user, id)).data?.retireProtocol.status).toBe('retired');
    expect(await eventsFor('delegation.protocol.retired.v1', id)).toEqual([]);
    expect((await adopt(p.referent.user, id)).errors?.[0].extensions?.reason).toBe('DELEGATION.PROTOCOL_STATE');
  });

  it('refuses a second adopted protocol for a task type, naming the one in force; retiring it lets the new one in', async () => {
    const p = await freshPractice();
    const first = await adopted({}, p);
    const second = await drafted({ title: 'Renouvellements, version cabinet B' }, p);
    const refused = await adopt(p.backup.user, second);
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining(first),
      extensions: { code: 'CONFLICT', reason: 'DELEGATION.PROTOCOL_STATE', field: 'input.protocolId' },
    });
    expect(await statusOf(second)).toBe('draft');
    expect(await eventsFor('delegation.protocol.adopted.v1', second)).toEqual([]);

    await retire(p.referent.user, first);
    expect((await adopt(p.backup.user, second)).data?.adoptProtocol.status).toBe('adopted');
  });

  it('refuses a revision moving a protocol onto a task type another adopted protocol covers', async () => {
    const p = await freshPractice();
    await adopted({ taskType: 'billing' }, p);
    const other = await adopted({ taskType: 'patient_records' }, p);
    const refused = await revise(p.referent.user, other, { taskType: 'billing' });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.protocolId' });
    expect(await app.sql(`select task_type, current_version from protocol where id = $1`, [other])).toEqual([
      { task_type: 'patient_records', current_version: 1 },
    ]);
  });

  it('refuses bad content naming the field, and writes nothing', async () => {
    const count = () =>
      app.sql<{ protocols: number; versions: number }>(
        `select (select count(*)::int from protocol) as protocols, (select count(*)::int from protocol_version) as versions`,
      );
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ executingRoles: ['medical_assistant', 'practitioner'] }, 'input.executingRoles'],
      [{ executingRoles: ['astrologer'] }, 'input.executingRoles'],
      [{ executingRoles: [] }, 'input.executingRoles'],
      [{ taskType: 'astrology' }, 'input.taskType'],
      [{ deadlineHours: 0 }, 'input.deadlineHours'],
      [{ mission: '   ' }, 'input.mission'],
      [{ standardMinutes: -5 }, 'input.standardMinutes'],
    ];
    for (const [overrides, field] of cases) {
      const result = await draft(practice.coordinator.user, overrides);
      expect({ overrides, extensions: result.errors?.[0].extensions }).toEqual({
        overrides,
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      });
    }
    const id = await adopted({ taskType: 'insurance_files' });
    const badRevision = await revise(practice.referent.user, id, { taskType: 'insurance_files', deadlineHours: 0 });
    expect(badRevision.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.deadlineHours' });
    expect(await count()).toEqual([{ protocols: before[0].protocols + 1, versions: before[0].versions + 1 }]);
  });

  it('refuses a secretary drafting', async () => {
    const before = await app.sql(`select count(*)::int as n from protocol`);
    const result = await draft(practice.secretary.user);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await app.sql(`select count(*)::int as n from protocol`)).toEqual(before);
  });

  it("shows another structure nothing of this one's protocols, and answers their ids as unknown", async () => {
    const id = await drafted({ taskType: 'phone_callback' });
    const stranger = {
      memberId: randomUUID(),
      memberships: [{ structureId: randomUUID(), roles: ['practitioner' as const], siteIds: [] }],
    };
    const list = await app.gql(
      `query ($s: ID!) { delegationProtocols(structureId: $s) { id } }`,
      { s: practice.structureId },
      stranger,
    );
    expect(list.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(list.data ?? null).toBeNull();
    const one = await read(id, stranger);
    expect(one.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const unknown = await read(randomUUID(), stranger);
    expect(unknown.errors?.[0].message).toBe(one.errors?.[0].message);
    const adoptedByStranger = await adopt(stranger, id);
    expect(adoptedByStranger.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.protocolId' });
    expect(await statusOf(id)).toBe('draft');
    // The structure's own members see it.
    const own = await app.ok<{ delegationProtocols: Array<{ id: string }> }>(
      `query ($s: ID!) { delegationProtocols(structureId: $s) { id } }`,
      { s: practice.structureId },
      practice.assistant.user,
    );
    expect(own.delegationProtocols.map((x) => x.id)).toContain(id);
  });
});
