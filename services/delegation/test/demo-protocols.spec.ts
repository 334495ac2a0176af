import { DataSource } from 'typeorm';
import { expectEventually, TestEventPublisher } from '@msp/testing';
import { DemoProtocolsLoader } from '../src/demo/demo-protocols.loader';
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
      { filter: { structureId: practice.structureId, view } },
      who.user,
    )
  ).taskBoard;

// Other spec files publish practices on the same topics meanwhile: only this file's practices are looked at.
describe('demo data: the demo practice delegates under three adopted protocols (DELEGATION_DEMO_DATA=load)', () => {
  let events: TestEventPublisher;

  beforeAll(async () => {
    events = await TestEventPublisher.start('delegation-spec-demo');
  });

  afterAll(() => events?.stop());

  describe('a first start, on an empty service', () => {
    let app: DelegationTestApp;

    beforeAll(async () => {
      app = await DelegationTestApp.start('delegation_demo', { env: { DELEGATION_DEMO_DATA: 'load' } });
    });

    afterAll(() => app?.stop());

    it("waits for the medical assistant and their referent, then the referent adopts three protocols and the board gets a morning's tasks", async () => {
      const practice = await openPractice(app, events);
      await expectEventually(async () => expect(await boardOf(app, practice, 'all')).toHaveLength(8), 60_000, 250);

      const protocols = await protocolsOf(app, practice);
      expect(
        protocols
          .map((p) => ({ status: p.status, ...p.current, alertThresholds: undefined }))
          .sort((a, b) => a.taskType.localeCompare(b.taskType)),
      ).toEqual([
        expect.objectContaining({
          status: 'adopted',
          title: 'Suivi des examens complémentaires',
          taskType: 'exam_follow_up',
          validationCircuit: 'referent_review',
          executingRoles: ['medical_assistant'],
          deadlineHours: 72,
          adoptedBy: practice.referent.id,
        }),
        expect.objectContaining({
          status: 'adopted',
          title: 'Rappel des patients après message',
          taskType: 'phone_callback',
          validationCircuit: 'none',
          executingRoles: ['secretary', 'medical_assistant'],
          deadlineHours: 4,
          adoptedBy: practice.referent.id,
        }),
        expect.objectContaining({
          status: 'adopted',
          title: 'Préparation des renouvellements d’ordonnance',
          taskType: 'prescription_renewal',
          validationCircuit: 'referent_review',
          executingRoles: ['medical_assistant'],
          deadlineHours: 24,
          adoptedBy: practice.referent.id,
        }),
      ]);
      const exams = protocols.find((p) => p.current.taskType === 'exam_follow_up')!;
      expect(exams.current.alertThresholds.flags).toContain('abnormal_result');
      expect(exams.current.alertThresholds.keywords).toEqual(
        expect.arrayContaining(['résultat anormal', 'saignement', 'douleur thoracique']),
      );
      // Through the handlers: each adoption told the other services (the indicators count them).
      expect(
        (await app.events('delegation.protocol.adopted.v1'))
          .filter((e) => e.structureId === practice.structureId)
          .map((e) => e.protocolId)
          .sort(),
      ).toEqual(protocols.map((p) => p.id).sort());

      // The assistant's own tasks, the secretaries' pool, each under its protocol, for the referent.
      const all = await boardOf(app, practice, 'all');
      expect(all.every((t) => t.status === 'todo' && t.physicianId === practice.referent.id)).toBe(true);
      const protocolOf = new Map(protocols.map((p) => [p.current.taskType, p.id]));
      for (const task of all.filter((t) => protocolOf.has(t.taskType)))
        expect(task).toMatchObject({ protocolId: protocolOf.get(task.taskType), protocolVersion: 1 });
      // The practice has two medical assistants with the same referent: the demo gives its tasks to one of them.
      const assignees = new Set(all.map((t) => t.assigneeId).filter((id) => id !== null));
      expect(assignees.size).toBe(1);
      const assistant = [practice.assistant, practice.secondAssistant].find((a) => assignees.has(a.id))!;
      expect(assistant).toBeDefined();
      const mine = await boardOf(app, practice, 'mine', assistant);
      expect(mine.length).toBeGreaterThanOrEqual(2);
      expect(new Set(mine.map((t) => t.taskType))).toEqual(new Set(['exam_follow_up', 'prescription_renewal']));
      const secretaries = await boardOf(app, practice, 'my_pool', practice.secretary);
      expect(secretaries.length).toBeGreaterThanOrEqual(2);
      expect(secretaries.every((t) => t.poolRole === 'secretary' && t.assigneeId === null)).toBe(true);
      expect(secretaries.map((t) => t.taskType)).toContain('phone_callback');
      expect(
        (await app.events('delegation.task.created.v1')).filter((e) => e.structureId === practice.structureId),
      ).toHaveLength(all.length);
    });
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
      // Its first look would load a practice already in the team copy: it keeps the existing data instead.
      await restarted.get(DemoProtocolsLoader).firstLook();

      expect(await protocolsOf(restarted, without)).toEqual([]);
      expect(await boardOf(restarted, without, 'all')).toEqual([]);
      expect(await protocolsOf(restarted, withProtocol)).toHaveLength(1);
      expect(await boardOf(restarted, withProtocol, 'all')).toEqual([]);
    });
  });
});
