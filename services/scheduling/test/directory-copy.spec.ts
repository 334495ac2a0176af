import { randomUUID } from 'node:crypto';
import { expectEventually } from '@msp/testing';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryCopyRebuilder } from '../src/application/projections/directory-copy.rebuilder';
import { DirectoryProjection } from '../src/application/projections/directory-projection';
import { ReminderScheduler } from '../src/application/reminders/reminder-scheduler';
import { DirectoryStub } from './fixtures/directory-stub';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';

describe("rebuilding scheduling's copy of the directory when its events are not on the broker", () => {
  let directory: DirectoryStub;
  let scheduling: SchedulingTestApp | undefined;
  const structureId = randomUUID();
  const siteId = randomUUID();
  const memberId = randomUUID();
  const [consenting, refusing, toldByEvent] = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    directory = await DirectoryStub.start();
    directory.team = {
      sites: [{ siteId, structureId, timeZone: 'America/Cayenne' }],
      members: [
        { memberId, structureId, profession: 'general_practitioner', roles: ['practitioner'], siteIds: [siteId] },
      ],
    };
    directory.reminderConsents = [
      { patientId: consenting, structureId, consentToReminders: true },
      { patientId: refusing, structureId, consentToReminders: false },
    ];
  });

  afterAll(async () => {
    await scheduling?.stop();
    await directory.stop();
  });

  it('asks the directory for the whole team once at boot when the copy is empty, and not again once filled', async () => {
    scheduling = await SchedulingTestApp.start('scheduling_directory_copy', { DIRECTORY_INTERNAL_URL: directory.url });
    const sites = () =>
      scheduling!.sql<{ time_zone: string }>('select time_zone from site_ref where site_id = $1', [siteId]);
    // The rebuild runs in the background after boot: on a loaded machine it takes more than a few seconds.
    await expectEventually(async () => expect(await sites()).toEqual([{ time_zone: 'America/Cayenne' }]), 30_000, 100);
    expect(
      await scheduling.sql('select profession, roles, site_ids from team_member where member_id = $1', [memberId]),
    ).toEqual([{ profession: 'general_practitioner', roles: ['practitioner'], site_ids: [siteId] }]);
    expect(directory.calls.filter((c) => c === 'GET /internal/team')).toHaveLength(1);
    // Reminder consents are rebuilt with the copy: without them every patient would count as refusing.
    await expectEventually(async () =>
      expect(
        await scheduling!.sql(
          'select patient_id, consent from patient_reminder_consent where patient_id = any($1) order by consent',
          [[consenting, refusing]],
        ),
      ).toEqual([
        { patient_id: refusing, consent: false },
        { patient_id: consenting, consent: true },
      ]),
    );
    await expect(scheduling.get(DirectoryCopyRebuilder).rebuildIfEmpty()).resolves.toBe(0);
    expect(directory.calls.filter((c) => c === 'GET /internal/team')).toHaveLength(1);
  });

  it("consents from a snapshot never override what the directory's events already said", async () => {
    const projection = scheduling!.get(DirectoryProjection);
    await scheduling!.get(TransactionRunner).run(async () => {
      await scheduling!.get(ReminderScheduler).consentChanged(toldByEvent, structureId, false, false);
      await projection.applySnapshot({
        sites: [],
        members: [],
        reminderConsents: [{ patientId: toldByEvent, structureId, consentToReminders: true }],
      });
    });
    expect(
      await scheduling!.sql('select consent from patient_reminder_consent where patient_id = $1', [toldByEvent]),
    ).toEqual([{ consent: false }]);
  });
});
