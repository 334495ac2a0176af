import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { generateSigningKeyPair } from '@msp/auth';
import { InternalUnavailableError, parseCallerKeys, verifyServiceToken } from '@msp/messaging';
import { createDataSource, inTransaction, NoActiveTransactionError, runMigrations } from '@msp/persistence';
import { createTestDatabase, InternalApiStub, type TestDatabase } from '@msp/testing';
import type { Protocol } from '../src/application/ports/protocol.repository';
import type { Task, TaskTransition } from '../src/application/ports/task.repository';
import type { TeamMember } from '../src/application/ports/team.repository';
import { DelegationErrorCode } from '../src/domain/delegation-error';
import type { ProtocolContent } from '../src/domain/protocols/protocol';
import type { TaskMove, TaskStatus } from '../src/domain/tasks/task-board';
import { HttpTeamDirectory } from '../src/infrastructure/clients/http-team-directory';
import { DELEGATION_ENTITIES } from '../src/infrastructure/entities';
import { DELEGATION_MIGRATIONS } from '../src/infrastructure/migrations';
import { TypeOrmCatalogueRepository } from '../src/infrastructure/repositories/typeorm-catalogue.repository';
import { TypeOrmDysfunctionRepository } from '../src/infrastructure/repositories/typeorm-dysfunction.repository';
import { TypeOrmProtocolRepository } from '../src/infrastructure/repositories/typeorm-protocol.repository';
import { TypeOrmTaskRepository } from '../src/infrastructure/repositories/typeorm-task.repository';
import { TypeOrmTeamRepository } from '../src/infrastructure/repositories/typeorm-team.repository';

const at = (iso: string): Date => new Date(iso);

describe('delegation repositories on PostgreSQL', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('delegation_repositories');
    db = await createDataSource({
      url: database.url,
      entities: DELEGATION_ENTITIES,
      migrations: [...DELEGATION_MIGRATIONS],
    }).initialize();
    await runMigrations(db);
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const task = (over: Partial<Task> = {}): Task => ({
    id: randomUUID(),
    structureId: randomUUID(),
    siteId: null,
    taskType: 'phone_callback',
    protocolId: null,
    protocolVersion: null,
    validationCircuit: 'none',
    origin: 'person',
    sourceId: null,
    title: 'Rappeler le patient',
    description: '',
    priority: 'normal',
    status: 'todo',
    assigneeId: randomUUID(),
    poolRole: null,
    patientId: null,
    physicianId: null,
    categories: [],
    flags: [],
    dueAt: null,
    validatorId: null,
    escalatedTo: null,
    escalationReason: null,
    createdBy: randomUUID(),
    createdAt: at('2027-03-01T08:00:00Z'),
    updatedAt: at('2027-03-01T08:00:00Z'),
    completedAt: null,
    completedBy: null,
    standardMinutes: null,
    delegated: null,
    isoWeek: null,
    version: 1,
    ...over,
  });

  const created = (t: Task): TaskTransition => ({
    fromStatus: null,
    toStatus: t.status,
    move: 'create',
    actorId: t.createdBy,
    reason: null,
    at: t.createdAt,
    version: t.version,
    targetId: null,
  });

  describe('tasks', () => {
    const tasks = () => new TypeOrmTaskRepository(db);

    /** Writes `t` as it is, with its creation line. */
    const made = async (t: Task): Promise<Task> => {
      expect(await tasks().insert(t, created(t))).toBe(true);
      return t;
    };

    /** Moves `t` to `status` by `move`, as `actorId`, at `when`; returns the task as written. */
    const moved = async (
      t: Task,
      status: TaskStatus,
      move: TaskTransition['move'],
      actorId: string | null,
      when: string,
      over: Partial<Task> = {},
    ): Promise<Task> => {
      const next: Task = { ...t, ...over, status, updatedAt: at(when), version: t.version + 1 };
      const written = await tasks().update(next, t.version, {
        fromStatus: t.status,
        toStatus: status,
        move,
        actorId,
        reason: null,
        at: at(when),
        version: next.version,
      });
      expect(written).toBe(true);
      return next;
    };

    it('reads a task back exactly as written, with its creation in the audit trail', async () => {
      const t = await made(
        task({
          siteId: randomUUID(),
          patientId: randomUUID(),
          categories: ['exam_result'],
          flags: ['abnormal_result'],
          dueAt: at('2027-03-02T08:00:00Z'),
          priority: 'high',
        }),
      );

      expect(await tasks().byId(t.id)).toEqual(t);
      expect(await tasks().history(t.id)).toEqual([created(t)]);
      expect(await tasks().byId(randomUUID())).toBeNull();
    });

    it('makes one task per message, action item or exam, and audits only the one made', async () => {
      const sourceId = randomUUID();
      const first = task({ origin: 'call_message', sourceId });
      const redelivered = task({ origin: 'call_message', sourceId, structureId: first.structureId });

      expect(await tasks().insert(first, created(first))).toBe(true);
      expect(await tasks().insert(redelivered, created(redelivered))).toBe(false);
      expect(await tasks().byId(redelivered.id)).toBeNull();
      expect(await tasks().history(redelivered.id)).toEqual([]);
      // Another origin with the same id, and tasks without a source, are other tasks.
      const other = task({ origin: 'meeting_action_item', sourceId });
      expect(await tasks().insert(other, created(other))).toBe(true);
      const [a, b] = [task(), task()];
      expect(await tasks().insert(a, created(a))).toBe(true);
      expect(await tasks().insert(b, created(b))).toBe(true);
    });

    it('refuses a write on a version someone else moved first, auditing only the write that went through', async () => {
      const t = await made(task());
      const actor = randomUUID();
      const started = await moved(t, 'in_progress', 'start', actor, '2027-03-01T09:00:00Z');

      const late = { ...t, status: 'cancelled' as const, version: t.version + 1 };
      expect(
        await tasks().update(late, t.version, {
          fromStatus: 'todo',
          toStatus: 'cancelled',
          move: 'cancel',
          actorId: randomUUID(),
          reason: 'doublon',
          at: at('2027-03-01T09:01:00Z'),
          version: late.version,
        }),
      ).toBe(false);

      expect(await tasks().byId(t.id)).toEqual(started);
      expect(await tasks().history(t.id)).toEqual([
        created(t),
        {
          fromStatus: 'todo',
          toStatus: 'in_progress',
          move: 'start',
          actorId: actor,
          reason: null,
          at: at('2027-03-01T09:00:00Z'),
          version: 2,
          targetId: null,
        },
      ]);
    });

    it('keeps comments and attachments of a task in the order they were added', async () => {
      const t = await made(task());
      const author = randomUUID();
      const second = {
        id: randomUUID(),
        taskId: t.id,
        authorId: author,
        body: 'rappelé',
        at: at('2027-03-01T10:00:00Z'),
      };
      const first = {
        id: randomUUID(),
        taskId: t.id,
        authorId: author,
        body: 'absent',
        at: at('2027-03-01T09:00:00Z'),
      };
      await tasks().addComment(second);
      await tasks().addComment(first);
      const document = {
        id: randomUUID(),
        taskId: t.id,
        label: 'Ordonnance',
        reference: 'doc-42',
        addedBy: author,
        at: at('2027-03-01T09:30:00Z'),
      };
      await tasks().addAttachment(document);

      expect(await tasks().comments(t.id)).toEqual([first, second]);
      expect(await tasks().attachments(t.id)).toEqual([document]);
    });

    describe('board', () => {
      it('puts the most pressing first: priority, then the nearest due time (none last), then the oldest', async () => {
        const structureId = randomUUID();
        const later = at('2027-03-05T08:00:00Z');
        const sooner = at('2027-03-03T08:00:00Z');
        const low = await made(task({ structureId, priority: 'low', dueAt: sooner }));
        const normalNoDue = await made(task({ structureId }));
        const normalLater = await made(task({ structureId, dueAt: later }));
        const normalSooner = await made(task({ structureId, dueAt: sooner }));
        const normalNoDueNewer = await made(task({ structureId, createdAt: at('2027-03-01T09:00:00Z') }));
        const urgent = await made(task({ structureId, priority: 'urgent' }));
        const high = await made(task({ structureId, priority: 'high', dueAt: later }));
        await made(task()); // another structure's

        expect((await tasks().board({ structureId, limit: 50 })).map((t) => t.id)).toEqual(
          [urgent, high, normalSooner, normalLater, normalNoDue, normalNoDueNewer, low].map((t) => t.id),
        );
        expect((await tasks().board({ structureId, limit: 2 })).map((t) => t.id)).toEqual([urgent.id, high.id]);
      });

      it('combines its filters: status, assignee, validator, escalation, site and patient', async () => {
        const structureId = randomUUID();
        const [me, referent, siteId, patientId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
        const mine = await made(task({ structureId, assigneeId: me, siteId, patientId }));
        const mineStarted = await made(task({ structureId, assigneeId: me, status: 'in_progress' }));
        const toValidate = await made(
          task({ structureId, status: 'awaiting_validation', validatorId: referent, siteId }),
        );
        const escalated = await made(task({ structureId, status: 'escalated', escalatedTo: referent, patientId }));
        const board = async (filter: object) =>
          (await tasks().board({ structureId, limit: 50, ...filter })).map((t) => t.id).sort();

        expect(await board({ assigneeId: me })).toEqual([mine.id, mineStarted.id].sort());
        expect(await board({ assigneeId: me, statuses: ['todo', 'blocked'] })).toEqual([mine.id]);
        expect(await board({ validatorId: referent })).toEqual([toValidate.id]);
        expect(await board({ escalatedTo: referent, statuses: ['escalated'] })).toEqual([escalated.id]);
        expect(await board({ siteId })).toEqual([mine.id, toValidate.id].sort());
        expect(await board({ patientId })).toEqual([mine.id, escalated.id].sort());
        expect(await board({ patientId, siteId })).toEqual([mine.id]);
        expect(await board({ statuses: ['done'] })).toEqual([]);
      });

      it("shows a pool the unassigned tasks of the member's roles, at their sites or structure-wide", async () => {
        const structureId = randomUUID();
        const [mySite, otherSite] = [randomUUID(), randomUUID()];
        const pool = { assigneeId: null, structureId };
        const atMySite = await made(task({ ...pool, poolRole: 'medical_assistant', siteId: mySite }));
        const structureWide = await made(task({ ...pool, poolRole: 'nurse' }));
        await made(task({ ...pool, poolRole: 'medical_assistant', siteId: otherSite }));
        await made(task({ ...pool, poolRole: 'secretary' }));
        // Taken by someone: no longer the pool's, though the role still says so.
        await made(task({ structureId, poolRole: 'nurse' }));

        const board = await tasks().board({
          structureId,
          pool: { roles: ['medical_assistant', 'nurse'], siteIds: [mySite] },
          limit: 50,
        });
        expect(board.map((t) => t.id).sort()).toEqual([atMySite.id, structureWide.id].sort());
        const noSite = await tasks().board({
          structureId,
          pool: { roles: ['medical_assistant'], siteIds: [] },
          limit: 50,
        });
        expect(noSite).toEqual([]);
      });
    });

    describe('locks for the sweep', () => {
      it('locks open tasks past due, oldest due first, and lets a second sweep skip them', async () => {
        // Due in 2020: no other spec of this file leaves an open task due that early.
        const now = at('2020-06-01T12:00:00Z');
        const overdue = await made(task({ dueAt: at('2020-06-01T10:00:00Z') }));
        const moreOverdue = await made(task({ dueAt: at('2020-06-01T08:00:00Z'), status: 'blocked' }));
        const dueNow = await made(task({ dueAt: now, status: 'in_progress' }));
        await made(task({ dueAt: at('2020-06-01T12:00:01Z') }));
        await made(task({ dueAt: at('2020-06-01T08:00:00Z'), status: 'awaiting_validation' }));
        await made(task({ dueAt: at('2020-06-01T08:00:00Z'), status: 'escalated', escalatedTo: randomUUID() }));

        await expect(tasks().lockOverdue(now, 10)).rejects.toBeInstanceOf(NoActiveTransactionError);

        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let firstSweep!: (locked: Task[]) => void;
        const lockedFirst = new Promise<Task[]>((resolve) => (firstSweep = resolve));
        const sweep = inTransaction(db, async () => {
          firstSweep(await tasks().lockOverdue(now, 2));
          await held;
        });
        expect((await lockedFirst).map((t) => t.id)).toEqual([moreOverdue.id, overdue.id]);
        const second = await inTransaction(db, () => tasks().lockOverdue(now, 10));
        release();
        await sweep;
        expect(second.map((t) => t.id)).toEqual([dueNow.id]);
      });

      it('locks the escalations and validations waiting on the members asked about, and nothing else', async () => {
        const [away, other] = [randomUUID(), randomUUID()];
        const escalated = await made(task({ status: 'escalated', escalatedTo: away }));
        const toValidate = await made(
          task({ status: 'awaiting_validation', validatorId: away, updatedAt: at('2027-03-01T07:00:00Z') }),
        );
        await made(task({ status: 'escalated', escalatedTo: other }));
        // Once validated, the task no longer waits on its validator.
        await made(task({ status: 'done', validatorId: away }));
        await made(task({ status: 'in_progress', escalatedTo: away }));

        await expect(tasks().lockWaitingOn([away], 10)).rejects.toBeInstanceOf(NoActiveTransactionError);
        const locked = await inTransaction(db, () => tasks().lockWaitingOn([away], 10));
        expect(locked.map((t) => t.id)).toEqual([toValidate.id, escalated.id]);
        expect(await inTransaction(db, () => tasks().lockWaitingOn([], 10))).toEqual([]);
      });
    });

    describe('weekly review', () => {
      it('sums the minutes of done, delegated tasks per ISO week and physician', async () => {
        const structureId = randomUUID();
        const [drA, drB] = [randomUUID(), randomUUID()].sort(); // listed in id order
        const done = (isoWeek: string, physicianId: string | null, minutes: number, delegated = true) =>
          made(task({ structureId, status: 'done', isoWeek, physicianId, standardMinutes: minutes, delegated }));
        await done('2027-W09', drA, 10);
        await done('2027-W09', drA, 5);
        await done('2027-W09', drB, 20);
        await done('2027-W09', null, 3);
        await done('2027-W10', drA, 7);
        await done('2027-W09', drA, 60, false); // resolved by the physician: no time freed
        await done('2027-W11', drA, 30); // not asked for
        await made(
          task({ structureId, status: 'cancelled', isoWeek: '2027-W09', physicianId: drA, standardMinutes: 9 }),
        );

        expect(await tasks().timeFreed(structureId, ['2027-W09', '2027-W10'])).toEqual([
          { isoWeek: '2027-W09', physicianId: drA, minutes: 15, tasks: 2 },
          { isoWeek: '2027-W09', physicianId: drB, minutes: 20, tasks: 1 },
          { isoWeek: '2027-W09', physicianId: null, minutes: 3, tasks: 1 },
          { isoWeek: '2027-W10', physicianId: drA, minutes: 7, tasks: 1 },
        ]);
        expect(await tasks().timeFreed(structureId, ['2027-W09', '2027-W10'], drA)).toEqual([
          { isoWeek: '2027-W09', physicianId: drA, minutes: 15, tasks: 2 },
          { isoWeek: '2027-W10', physicianId: drA, minutes: 7, tasks: 1 },
        ]);
        expect(await tasks().timeFreed(randomUUID(), ['2027-W09'])).toEqual([]);
      });

      it("counts the period's completions, validations, send-backs and escalations per delegate and per referent", async () => {
        const structureId = randomUUID();
        const [nurse, assistant, referent, physician] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
        const inWeek = (day: number, hour: number) => `2027-03-0${day}T${String(hour).padStart(2, '0')}:00:00Z`;
        const step = (t: Task, moves: Array<[TaskStatus, TaskMove, string | null, string, Partial<Task>?]>) =>
          moves.reduce<Promise<Task>>(
            async (current, [status, move, actor, when, over]) => moved(await current, status, move, actor, when, over),
            Promise.resolve(t),
          );
        const reviewed = (assigneeId: string) =>
          made(task({ structureId, assigneeId, validationCircuit: 'referent_review', createdAt: at(inWeek(1, 7)) }));

        // The nurse submits, is sent back once, submits again and the referent validates.
        await step(await reviewed(nurse), [
          ['in_progress', 'start', nurse, inWeek(1, 8)],
          ['awaiting_validation', 'submit', nurse, inWeek(1, 9), { validatorId: referent }],
          ['in_progress', 'send_back', referent, inWeek(1, 10)],
          ['awaiting_validation', 'submit', nurse, inWeek(1, 11)],
          ['done', 'validate', referent, inWeek(1, 12)],
        ]);
        // The nurse completes a task of her own.
        await step(await made(task({ structureId, assigneeId: nurse })), [
          ['in_progress', 'start', nurse, inWeek(2, 8)],
          ['done', 'complete', nurse, inWeek(2, 9)],
        ]);
        // The assistant's submission hits a threshold and goes to the referent, who resolves it.
        await step(await reviewed(assistant), [
          ['in_progress', 'start', assistant, inWeek(2, 8)],
          ['escalated', 'escalate', assistant, inWeek(2, 9), { escalatedTo: referent }],
          ['done', 'resolve', referent, inWeek(2, 10)],
        ]);
        // The deadline sweep sends an assistant's task to the physician, who returns it: still counted for the physician.
        await step(await made(task({ structureId, assigneeId: assistant })), [
          ['escalated', 'escalate', null, inWeek(3, 8), { escalatedTo: physician }],
          ['in_progress', 'return_to_delegate', physician, inWeek(3, 9), { escalatedTo: null }],
        ]);
        // Outside the period: counted nowhere.
        await step(await made(task({ structureId, assigneeId: nurse })), [
          ['in_progress', 'start', nurse, '2027-03-08T08:00:00Z'],
          ['done', 'complete', nurse, '2027-03-08T09:00:00Z'],
        ]);

        const counts = await tasks().reviewCounts(structureId, at('2027-03-01T00:00:00Z'), at('2027-03-08T00:00:00Z'));
        const byMember = (list: typeof counts.delegates) =>
          Object.fromEntries(list.map(({ memberId, ...c }) => [memberId, c]));
        expect(byMember(counts.delegates)).toEqual({
          [nurse]: { completed: 2, validated: 1, escalated: 0, sentBack: 1 },
          [assistant]: { completed: 0, validated: 0, escalated: 2, sentBack: 0 },
        });
        expect(byMember(counts.referents)).toEqual({
          [referent]: { completed: 1, validated: 1, escalated: 1, sentBack: 1 },
          [physician]: { completed: 0, validated: 0, escalated: 1, sentBack: 0 },
        });
        expect(counts.delegates.map((c) => c.memberId)).toEqual([nurse, assistant].sort());
        expect(
          await tasks().reviewCounts(randomUUID(), at('2027-03-01T00:00:00Z'), at('2027-03-08T00:00:00Z')),
        ).toEqual({
          delegates: [],
          referents: [],
        });
      });

      it('lists the tasks done under a weekly-review protocol in the period, oldest first', async () => {
        const structureId = randomUUID();
        const done = (completedAt: string, validationCircuit: Task['validationCircuit'] = 'weekly_review') =>
          made(task({ structureId, status: 'done', validationCircuit, completedAt: at(completedAt) }));
        const later = await done('2027-03-03T10:00:00Z');
        const first = await done('2027-03-01T00:00:00Z');
        await done('2027-03-02T10:00:00Z', 'none');
        await done('2027-03-08T00:00:00Z'); // the end is excluded
        await made(task({ structureId, status: 'in_progress', validationCircuit: 'weekly_review' }));

        const list = await tasks().completedUnderWeeklyReview(
          structureId,
          at('2027-03-01T00:00:00Z'),
          at('2027-03-08T00:00:00Z'),
        );
        expect(list).toEqual([first, later]);
      });
    });
  });

  describe('protocols', () => {
    const protocols = () => new TypeOrmProtocolRepository(db);

    const content = (over: Partial<ProtocolContent> = {}): ProtocolContent => ({
      title: 'Renouvellement d’ordonnance',
      mission: 'Renouveler les traitements chroniques stables',
      procedure: '1. Vérifier…',
      taskType: 'prescription_renewal',
      executingRoles: ['nurse'],
      professions: ['nurse', 'general_practitioner'],
      validationCircuit: 'referent_review',
      alertThresholds: { categories: [], flags: ['abnormal_result'], keywords: ['douleur thoracique'] },
      deadline: { withinHours: 48 },
      standardMinutes: null,
      ...over,
    });

    const draft = (structureId = randomUUID(), over: Partial<ProtocolContent> = {}): Protocol => {
      const author = randomUUID();
      return {
        id: randomUUID(),
        structureId,
        status: 'draft',
        currentVersion: 1,
        current: {
          version: 1,
          content: content(over),
          writtenBy: author,
          writtenAt: at('2027-03-01T08:00:00Z'),
          adoptedBy: null,
          adoptedAt: null,
          meetingId: null,
        },
        createdBy: author,
        createdAt: at('2027-03-01T08:00:00Z'),
        updatedAt: at('2027-03-01T08:00:00Z'),
      };
    };

    const adopted = (p: Protocol, by = randomUUID()): Protocol => ({
      ...p,
      status: 'adopted',
      current: { ...p.current, adoptedBy: by, adoptedAt: at('2027-03-02T08:00:00Z'), meetingId: randomUUID() },
      updatedAt: at('2027-03-02T08:00:00Z'),
    });

    it('keeps every version: a revision adds one, an edit replaces the current one', async () => {
      const p = draft();
      // The first protocol of this file: the tasks above have none.
      expect(await protocols().isEmpty()).toBe(true);
      await protocols().insert(p);
      expect(await protocols().isEmpty()).toBe(false);
      expect(await protocols().byId(p.id)).toEqual(p);

      const edited: Protocol = {
        ...p,
        current: { ...p.current, content: content({ title: 'Renouvellement (v1 bis)' }) },
      };
      await protocols().save(edited);
      const adoption = adopted(edited);
      await protocols().save(adoption);
      const reviser = randomUUID();
      const revised: Protocol = {
        ...adoption,
        currentVersion: 2,
        current: {
          version: 2,
          content: content({ title: 'Renouvellement v2', deadline: null, standardMinutes: 12 }),
          writtenBy: reviser,
          writtenAt: at('2027-03-09T08:00:00Z'),
          adoptedBy: reviser,
          adoptedAt: at('2027-03-09T08:00:00Z'),
          meetingId: null,
        },
        updatedAt: at('2027-03-09T08:00:00Z'),
      };
      await protocols().save(revised);

      expect(await protocols().byId(p.id)).toEqual(revised);
      expect(await protocols().versionsOf([p.id])).toEqual([
        { ...revised.current, protocolId: p.id },
        { ...adoption.current, protocolId: p.id },
      ]);
      expect(await protocols().version(p.id, 1)).toEqual(adoption.current);
      expect(await protocols().version(p.id, 3)).toBeNull();
      expect(await protocols().adoptedFor(p.structureId, 'prescription_renewal')).toEqual(revised);
      expect(await protocols().ofStructure(p.structureId)).toEqual([revised]);
    });

    it('refuses a second adopted protocol for a task type as a protocol-state error, writing nothing of it', async () => {
      const structureId = randomUUID();
      const first = draft(structureId);
      const second = draft(structureId);
      await protocols().insert(first);
      await protocols().insert(second);
      await protocols().save(adopted(first));

      await expect(inTransaction(db, () => protocols().save(adopted(second)))).rejects.toMatchObject({
        code: DelegationErrorCode.ProtocolState,
        field: 'input.protocolId',
      });
      expect(await protocols().byId(second.id)).toEqual(second);
      // Another structure, or another task type, may adopt theirs.
      const elsewhere = draft();
      await protocols().insert(elsewhere);
      await protocols().save(adopted(elsewhere));
      const otherType = draft(structureId, { taskType: 'exam_follow_up', title: 'Suivi des examens' });
      await protocols().insert(otherType);
      await protocols().save(adopted(otherType));
      // Retiring the adopted one frees its task type.
      await protocols().save({ ...adopted(first), status: 'retired' });
      await protocols().save(adopted(second));
      expect((await protocols().adoptedFor(structureId, 'prescription_renewal'))?.id).toBe(second.id);
      expect((await protocols().ofStructure(structureId)).map((p) => [p.id, p.status])).toEqual([
        [second.id, 'adopted'],
        [otherType.id, 'adopted'],
        [first.id, 'retired'],
      ]);
    });

    it('locks a protocol only inside a transaction', async () => {
      const p = draft();
      await protocols().insert(p);
      await expect(protocols().byId(p.id, true)).rejects.toBeInstanceOf(NoActiveTransactionError);
      expect(await inTransaction(db, () => protocols().byId(p.id, true))).toEqual(p);
      expect(await inTransaction(db, () => protocols().byId(randomUUID(), true))).toBeNull();
    });
  });

  describe('catalogue', () => {
    it("keeps a structure's latest edit of each type, apart from other structures'", async () => {
      const catalogue = new TypeOrmCatalogueRepository(db);
      const [structureId, other, by] = [randomUUID(), randomUUID(), randomUUID()];
      const type = {
        code: 'phone_callback',
        label: 'Rappel patient',
        category: 'administrative' as const,
        standardMinutes: 5,
        defaultRoles: ['secretary'],
        active: true,
      };
      await catalogue.upsert(structureId, type, by, at('2027-03-01T08:00:00Z'));
      const edited = { ...type, standardMinutes: 8, defaultRoles: ['secretary', 'medical_assistant'], active: false };
      await catalogue.upsert(structureId, edited, by, at('2027-03-02T08:00:00Z'));
      const own = {
        ...type,
        code: 'insurance_forms',
        label: 'Formulaires',
        category: 'medico_administrative' as const,
      };
      await catalogue.upsert(structureId, own, by, at('2027-03-02T08:00:00Z'));

      expect(await catalogue.edits(structureId)).toEqual([own, edited]);
      expect(await catalogue.edits(other)).toEqual([]);
    });
  });

  describe('team copy', () => {
    const team = () => new TypeOrmTeamRepository(db);
    const member = (over: Partial<TeamMember> = {}): TeamMember => ({
      memberId: randomUUID(),
      structureId: randomUUID(),
      profession: 'nurse',
      roles: ['nurse'],
      siteIds: [randomUUID()],
      referentId: randomUUID(),
      backupReferentId: null,
      leftAt: null,
      ...over,
    });

    it('never lets an older fact about a member overwrite a newer one', async () => {
      expect(await team().isEmpty()).toBe(true); // the first fact of this file
      const nurse = member();
      await team().upsertMember(nurse, at('2027-03-02T00:00:00Z'));
      await team().upsertMember({ ...nurse, referentId: null, roles: [] }, at('2027-03-01T00:00:00Z'));
      expect(await team().member(nurse.structureId, nurse.memberId)).toEqual(nurse);

      const changed = { ...nurse, referentId: randomUUID(), backupReferentId: randomUUID() };
      await team().upsertMember(changed, at('2027-03-03T00:00:00Z'));
      expect(await team().member(nurse.structureId, nurse.memberId)).toEqual(changed);
      expect(await team().member(randomUUID(), nurse.memberId)).toBeNull();
    });

    it('forgets a member who left, even when their departure arrives before their joining', async () => {
      const leaver = member();
      await team().upsertMember(leaver, at('2027-03-01T00:00:00Z'));
      await team().markLeft(leaver.memberId, leaver.structureId, at('2027-03-02T00:00:00Z'));
      expect(await team().member(leaver.structureId, leaver.memberId)).toBeNull();

      const early = member();
      await team().markLeft(early.memberId, early.structureId, at('2027-03-02T00:00:00Z'));
      await team().upsertMember(early, at('2027-03-01T00:00:00Z'));
      expect(await team().member(early.structureId, early.memberId)).toBeNull();
      // Joining again later is a newer fact: a current member again.
      await team().upsertMember(early, at('2027-03-03T00:00:00Z'));
      expect(await team().member(early.structureId, early.memberId)).toEqual(early);
    });

    it('lists the current members paired with a referent, not those without one nor those who left', async () => {
      const structureId = randomUUID();
      const delegate = member({ structureId, roles: ['medical_assistant'] });
      const unpaired = member({ structureId, referentId: null });
      const leaver = member({ structureId });
      for (const m of [delegate, unpaired, leaver]) await team().upsertMember(m, at('2027-03-01T00:00:00Z'));
      await team().markLeft(leaver.memberId, structureId, at('2027-03-02T00:00:00Z'));

      expect((await team().delegates()).filter((m) => m.structureId === structureId)).toEqual([delegate]);
    });

    it("knows a site's structure, the newest fact winning", async () => {
      const [siteId, structureId] = [randomUUID(), randomUUID()];
      expect(await team().siteStructure(siteId)).toBeNull();
      await team().upsertSite(siteId, structureId, at('2027-03-02T00:00:00Z'));
      await team().upsertSite(siteId, randomUUID(), at('2027-03-01T00:00:00Z'));
      expect(await team().siteStructure(siteId)).toBe(structureId);
      expect(await team().isEmpty()).toBe(false);
    });

    it('says who is away, from the start of an absence to its end (excluded)', async () => {
      const [away, present, later] = [randomUUID(), randomUUID(), randomUUID()];
      await team().upsertAbsence(randomUUID(), away, at('2027-03-01T08:00:00Z'), at('2027-03-01T18:00:00Z'));
      await team().upsertAbsence(randomUUID(), later, at('2027-03-01T12:00:00Z'), at('2027-03-01T18:00:00Z'));

      expect(await team().awayAt([away, present, later], at('2027-03-01T08:00:00Z'))).toEqual(new Set([away]));
      expect(await team().awayAt([away, later], at('2027-03-01T18:00:00Z'))).toEqual(new Set());
      expect(await team().awayAt([], at('2027-03-01T10:00:00Z'))).toEqual(new Set());
      expect(await team().allAwayAt(at('2027-03-01T12:00:00Z'))).toEqual(expect.arrayContaining([away, later]));
      expect(await team().allAwayAt(at('2027-03-01T12:00:00Z'))).not.toContain(present);
    });

    it('shortens an absence ended early, even when its declaration is replayed afterwards or arrives late', async () => {
      const [member1, absence1, member2, absence2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const declare = (absenceId: string, memberId: string) =>
        team().upsertAbsence(absenceId, memberId, at('2027-03-01T08:00:00Z'), at('2027-03-05T18:00:00Z'));
      await declare(absence1, member1);
      await team().endAbsence(absence1, member1, at('2027-03-02T12:00:00Z'));
      await declare(absence1, member1);
      // The end first, then the declaration.
      await team().endAbsence(absence2, member2, at('2027-03-02T12:00:00Z'));
      await declare(absence2, member2);

      const both = [member1, member2];
      expect(await team().awayAt(both, at('2027-03-02T11:00:00Z'))).toEqual(new Set(both));
      expect(await team().awayAt(both, at('2027-03-02T12:00:00Z'))).toEqual(new Set());
    });
  });

  describe('dysfunction reports', () => {
    it("lists a structure's reports of one ISO week, oldest first", async () => {
      const reports = new TypeOrmDysfunctionRepository(db);
      const structureId = randomUUID();
      const report = (when: string, isoWeek: string, over = {}) => ({
        id: randomUUID(),
        structureId,
        taskId: null,
        protocolId: null,
        reportedBy: randomUUID(),
        description: 'Le protocole ne dit pas quoi faire le samedi',
        at: at(when),
        isoWeek,
        ...over,
      });
      const later = report('2027-03-03T10:00:00Z', '2027-W09');
      const first = report('2027-03-01T10:00:00Z', '2027-W09');
      for (const r of [
        later,
        first,
        report('2027-03-08T10:00:00Z', '2027-W10'),
        report('2027-03-01T10:00:00Z', '2027-W09', { structureId: randomUUID() }),
      ])
        await reports.insert(r);

      expect(await reports.ofWeek(structureId, '2027-W09')).toEqual([first, later]);
    });
  });

  describe('team directory client', () => {
    const keys = generateSigningKeyPair();
    let directory: InternalApiStub;
    let answer: unknown;

    beforeAll(async () => {
      const callers = parseCallerKeys(`delegation=${keys.publicKey}`);
      directory = await InternalApiStub.start(
        (token, request) => verifyServiceToken(token, { self: 'directory', ...request }, callers),
        ({ method, path }) =>
          method === 'GET' && path === '/internal/team' ? { status: 200, body: answer } : undefined,
      );
    });

    afterAll(() => directory?.stop());

    const client = () =>
      new HttpTeamDirectory({ directoryInternalUrl: directory.url, servicePrivateKey: keys.privateKey });

    it("asks the directory as delegation and keeps only the snapshot's ids, roles and referents", async () => {
      const [siteId, structureId, gp, nurse] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      answer = {
        sites: [{ siteId, structureId, timeZone: 'Europe/Paris' }],
        members: [
          { memberId: gp, structureId, profession: 'general_practitioner', roles: ['practitioner'], siteIds: [siteId] },
          {
            memberId: nurse,
            structureId,
            profession: 'nurse',
            roles: ['nurse'],
            siteIds: [siteId],
            referentId: gp,
            backupReferentId: null,
          },
        ],
      };

      expect(await client().snapshot()).toEqual({
        sites: [{ siteId, structureId }],
        members: [
          {
            memberId: gp,
            structureId,
            profession: 'general_practitioner',
            roles: ['practitioner'],
            siteIds: [siteId],
            referentId: null,
            backupReferentId: null,
          },
          {
            memberId: nurse,
            structureId,
            profession: 'nurse',
            roles: ['nurse'],
            siteIds: [siteId],
            referentId: gp,
            backupReferentId: null,
          },
        ],
      });
    });

    it('fails with the unavailable error when the directory is down', async () => {
      directory.down = true;
      try {
        await expect(client().snapshot()).rejects.toBeInstanceOf(InternalUnavailableError);
      } finally {
        directory.down = false;
      }
    });
  });
});
