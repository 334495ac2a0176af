import { randomUUID } from 'node:crypto';
import type { UserContext } from '@msp/auth';
import { TOPICS } from '@msp/contracts';
import { expectEventually, startConsumerGroupAtEnd, TestEventPublisher, uniqueSuffix } from '@msp/testing';
import { TeamCopyRebuilder } from '../src/application/projections/team-copy.rebuilder';
import type { TeamSnapshot } from '../src/application/ports/team-directory.port';
import { DelegationTestApp } from './fixtures/delegation-test-app';
import {
  adoptProtocol,
  createTask,
  moveTask,
  openPractice,
  type Practice,
  type PracticeMember,
  type TaskView,
} from './fixtures/practice';

/** Who validates and escalates the delegates' work follows the directory: its events, or its snapshot at boot. */
describe("delegation's copy of the team", () => {
  let events: TestEventPublisher;

  beforeAll(async () => {
    events = await TestEventPublisher.start('delegation-spec-team-copy');
  });

  afterAll(async () => {
    await events?.stop();
  });

  describe("from the directory's events", () => {
    let app: DelegationTestApp;

    beforeAll(async () => {
      app = await DelegationTestApp.start('delegation_team_events');
    });

    afterAll(async () => {
      await app?.stop();
    });

    async function practiceUnderReview(): Promise<Practice> {
      const practice = await openPractice(app, events);
      await adoptProtocol(app, practice); // exam follow-up, under referent review
      return practice;
    }

    /** The directory saying the medical assistant's referents are now these, at `updatedAt`. */
    const referentsChanged = (
      practice: Practice,
      referentId: string | null,
      backupReferentId: string | null,
      updatedAt: string,
    ) =>
      events.publish('directory.member.updated.v1', {
        memberId: practice.assistant.id,
        structureId: practice.structureId,
        profession: 'medical_assistant',
        roles: ['medical_assistant'],
        siteIds: [practice.siteId],
        referentId,
        backupReferentId,
        updatedAt,
      });

    const referentsOf = async (practice: Practice, who: PracticeMember) =>
      (
        await app.sql(
          `select referent_id, backup_referent_id from team_member where structure_id = $1 and member_id = $2`,
          [practice.structureId, who.id],
        )
      )[0];

    const applied = (eventId: string) =>
      expectEventually(async () =>
        expect(await app.sql(`select 1 from inbox_message where event_id = $1`, [eventId])).toHaveLength(1),
      );

    async function submitted(practice: Practice, physicianId: string | null = null): Promise<TaskView> {
      const task = await createTask(app, practice.coordinator.user, {
        structureId: practice.structureId,
        taskType: 'exam_follow_up',
        title: 'Relancer le bilan lipidique',
        assigneeId: practice.assistant.id,
        physicianId,
      });
      await moveTask(app, practice.assistant.user, { taskId: task.id, to: 'in_progress', expectedVersion: 1 });
      const result = await moveTask(app, practice.assistant.user, {
        taskId: task.id,
        to: 'awaiting_validation',
        expectedVersion: 2,
      });
      expect(result.errors).toBeUndefined();
      return result.data!.moveTask.task;
    }

    const validate = (who: UserContext, task: TaskView) =>
      moveTask(app, who, { taskId: task.id, to: 'done', expectedVersion: task.version });

    it("sends later submissions to the assistant's new referent; one submitted before stays with the former", async () => {
      const practice = await practiceUnderReview();
      const before = await submitted(practice);
      expect(before.validatorId).toBe(practice.referent.id);

      await referentsChanged(practice, practice.colleague.id, practice.backup.id, new Date().toISOString());
      await expectEventually(async () =>
        expect(await referentsOf(practice, practice.assistant)).toEqual({
          referent_id: practice.colleague.id,
          backup_referent_id: practice.backup.id,
        }),
      );

      const after = await submitted(practice);
      expect(after.validatorId).toBe(practice.colleague.id);
      expect((await validate(practice.referent.user, after)).errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'DELEGATION.NOT_VALIDATOR',
      });
      expect((await validate(practice.colleague.user, after)).data?.moveTask.task.status).toBe('done');
      expect((await validate(practice.referent.user, before)).data?.moveTask.task.status).toBe('done');
    });

    it('has the backup validate when the referent is cleared, and the physician of the task when both are', async () => {
      const practice = await practiceUnderReview();
      await referentsChanged(practice, null, practice.backup.id, new Date(Date.now() - 1_000).toISOString());
      await expectEventually(async () =>
        expect(await referentsOf(practice, practice.assistant)).toMatchObject({ referent_id: null }),
      );
      expect((await submitted(practice, practice.colleague.id)).validatorId).toBe(practice.backup.id);

      await referentsChanged(practice, null, null, new Date().toISOString());
      await expectEventually(async () =>
        expect(await referentsOf(practice, practice.assistant)).toEqual({
          referent_id: null,
          backup_referent_id: null,
        }),
      );
      const task = await submitted(practice, practice.colleague.id);
      expect(task.validatorId).toBe(practice.colleague.id);
      expect((await validate(practice.colleague.user, task)).data?.moveTask.task.status).toBe('done');
    });

    it('makes a member who left the structure unassignable', async () => {
      const practice = await openPractice(app, events);
      const assignable = await createTask(app, practice.coordinator.user, {
        structureId: practice.structureId,
        taskType: 'exam_follow_up',
        title: 'Relancer le scanner',
        assigneeId: practice.secondAssistant.id,
      });
      expect(assignable.assigneeId).toBe(practice.secondAssistant.id);

      await events.publish('directory.member.left.v1', {
        memberId: practice.secondAssistant.id,
        structureId: practice.structureId,
        leftAt: new Date().toISOString(),
      });
      await expectEventually(async () =>
        expect(
          await app.sql(`select 1 from team_member where member_id = $1 and left_at is not null`, [
            practice.secondAssistant.id,
          ]),
        ).toHaveLength(1),
      );

      const refused = await app.gql(
        `mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
        {
          input: {
            structureId: practice.structureId,
            taskType: 'exam_follow_up',
            title: 'Relancer l’IRM',
            assigneeId: practice.secondAssistant.id,
          },
        },
        practice.coordinator.user,
      );
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.assigneeId' });
      const reassigned = await app.gql(
        `mutation ($input: AssignTaskInput!) { assignTask(input: $input) { id } }`,
        { input: { taskId: assignable.id, expectedVersion: 1, assigneeId: practice.secondAssistant.id } },
        practice.coordinator.user,
      );
      expect(reassigned.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.assigneeId' });
    });

    it('does not let a replayed older event undo a newer one', async () => {
      const practice = await practiceUnderReview();
      const newer = new Date();
      await referentsChanged(practice, practice.colleague.id, practice.backup.id, newer.toISOString());
      await expectEventually(async () =>
        expect(await referentsOf(practice, practice.assistant)).toMatchObject({ referent_id: practice.colleague.id }),
      );
      const older = await referentsChanged(
        practice,
        practice.referent.id,
        practice.backup.id,
        new Date(newer.getTime() - 60_000).toISOString(),
      );
      await applied(older);
      expect(await referentsOf(practice, practice.assistant)).toMatchObject({ referent_id: practice.colleague.id });
      expect((await submitted(practice)).validatorId).toBe(practice.colleague.id);

      // A departure is not undone by a joining replayed after it either.
      await events.publish('directory.member.left.v1', {
        memberId: practice.secondAssistant.id,
        structureId: practice.structureId,
        leftAt: newer.toISOString(),
      });
      const rejoined = await events.publish('directory.member.joined.v1', {
        memberId: practice.secondAssistant.id,
        structureId: practice.structureId,
        profession: 'medical_assistant',
        roles: ['medical_assistant'],
        siteIds: [practice.siteId],
        joinedAt: '2026-01-01T08:00:00.000Z',
      });
      await applied(rejoined);
      expect(
        await app.sql(`select left_at from team_member where member_id = $1`, [practice.secondAssistant.id]),
      ).toEqual([{ left_at: newer }]);
    });
  });

  describe("rebuilt from the directory's snapshot when it is empty at boot", () => {
    const structureId = randomUUID();
    const siteId = randomUUID();
    const physician = randomUUID();
    const assistant = randomUUID();
    const team: TeamSnapshot = {
      sites: [{ siteId, structureId }],
      members: [
        {
          memberId: physician,
          structureId,
          profession: 'general_practitioner',
          roles: ['practitioner'],
          siteIds: [siteId],
          referentId: null,
          backupReferentId: null,
        },
        {
          memberId: assistant,
          structureId,
          profession: 'medical_assistant',
          roles: ['medical_assistant'],
          siteIds: [siteId],
          referentId: physician,
          backupReferentId: null,
        },
      ],
    };
    const coordinator: UserContext = {
      memberId: randomUUID(),
      memberships: [{ structureId, roles: ['coordinator'], siteIds: [siteId] }],
    };
    let app: DelegationTestApp;

    beforeAll(async () => {
      app = await DelegationTestApp.start('delegation_team_rebuild', { team });
    });

    afterAll(async () => {
      await app?.stop();
    });

    const copy = () =>
      app.sql(
        `select member_id, structure_id, profession, roles, site_ids, referent_id, backup_referent_id, left_at
           from team_member where structure_id = $1 order by profession`,
        [structureId],
      );

    it('asks the directory once for the whole team and keeps it, without any event', async () => {
      // The rebuild runs in the background after boot: on a loaded machine it takes more than a few seconds.
      await expectEventually(
        async () =>
          expect(await copy()).toEqual([
            {
              member_id: physician,
              structure_id: structureId,
              profession: 'general_practitioner',
              roles: ['practitioner'],
              site_ids: [siteId],
              referent_id: null,
              backup_referent_id: null,
              left_at: null,
            },
            {
              member_id: assistant,
              structure_id: structureId,
              profession: 'medical_assistant',
              roles: ['medical_assistant'],
              site_ids: [siteId],
              referent_id: physician,
              backup_referent_id: null,
              left_at: null,
            },
          ]),
        30_000,
      );
      expect(await app.sql(`select site_id, structure_id from site_ref where site_id = $1`, [siteId])).toEqual([
        { site_id: siteId, structure_id: structureId },
      ]);
      expect(app.directory.requests).toBe(1);
    });

    it('works from the rebuilt copy: its members are assignable at their site', async () => {
      const task = await createTask(app, coordinator, {
        structureId,
        siteId,
        taskType: 'exam_follow_up',
        title: 'Relancer la radio',
        assigneeId: assistant,
        physicianId: physician,
      });
      expect(task).toMatchObject({ assigneeId: assistant, physicianId: physician });
    });

    it('does not ask again once its copy holds the team', async () => {
      app.directory.snapshot = {
        ...team,
        members: [...team.members, { ...team.members[1], memberId: randomUUID() }],
      };
      expect(await app.get(TeamCopyRebuilder).rebuildIfEmpty()).toBe(0);
      expect(app.directory.requests).toBe(1);
      expect(await copy()).toHaveLength(2);
    });

    it('keeps what the snapshot said against an event older than it', async () => {
      const older = await events.publish('directory.member.updated.v1', {
        memberId: assistant,
        structureId,
        profession: 'medical_assistant',
        roles: ['medical_assistant'],
        siteIds: [siteId],
        referentId: null,
        backupReferentId: null,
        updatedAt: '2026-01-01T08:00:00.000Z',
      });
      await expectEventually(async () =>
        expect(await app.sql(`select 1 from inbox_message where event_id = $1`, [older])).toHaveLength(1),
      );
      expect(await app.sql(`select referent_id from team_member where member_id = $1`, [assistant])).toEqual([
        { referent_id: physician },
      ]);
    });
  });
  describe('rebuilt even when a directory event is already waiting on the broker at boot', () => {
    const structureId = randomUUID();
    const siteId = randomUUID();
    const physician = randomUUID();
    const newcomer = randomUUID();
    let app: DelegationTestApp;

    // The service's consumer group is positioned before an event about someone the snapshot does not hold yet: the
    // service consumes it while booting, and its copy must still be rebuilt. Two consumer groups to set up: slow.
    beforeAll(async () => {
      const consumerGroup = `delegation-spec-${uniqueSuffix()}`;
      await startConsumerGroupAtEnd(consumerGroup, [
        TOPICS.directory,
        TOPICS.scheduling,
        TOPICS.callRouting,
        TOPICS.coordination,
      ]);
      await events.publish('directory.member.joined.v1', {
        memberId: newcomer,
        structureId,
        profession: 'medical_assistant',
        roles: ['medical_assistant'],
        siteIds: [siteId],
        referentId: physician,
        backupReferentId: null,
        joinedAt: new Date().toISOString(),
      });
      app = await DelegationTestApp.start('delegation_team_rebuild_busy', {
        env: { KAFKA_CONSUMER_GROUP: consumerGroup },
        team: {
          sites: [{ siteId, structureId }],
          members: [
            {
              memberId: physician,
              structureId,
              profession: 'general_practitioner',
              roles: ['practitioner'],
              siteIds: [siteId],
              referentId: null,
              backupReferentId: null,
            },
          ],
        },
      });
    }, 180_000);

    afterAll(async () => {
      await app?.stop();
    });

    it('takes the whole team from the directory and the waiting event too', async () => {
      await expectEventually(
        async () =>
          expect(
            await app.sql(`select member_id from team_member where structure_id = $1 order by member_id`, [
              structureId,
            ]),
          ).toEqual([physician, newcomer].sort().map((member_id) => ({ member_id }))),
        30_000,
      );
      expect(app.directory.requests).toBe(1);
    });
  });
});
