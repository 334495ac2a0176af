import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { expectEventually } from '@msp/testing';
import { DirectoryTestApp } from './fixtures/directory-test-app';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

/**
 * A database outage in the middle of a mutation answers a retryable UNAVAILABLE, not an internal error. The outage is
 * made deterministic: the mutation is held on a row lock, and its backend is then terminated the way a PostgreSQL
 * restart or failover terminates it (`pg_terminate_backend`, SQLSTATE 57P01).
 */
describe('directory during a PostgreSQL outage', () => {
  let directory: DirectoryTestApp;
  let msp: SeededStructure;
  let admin: Client;

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory_outage');
    msp = await seedStructure(directory, 'MSP Panne');
    const { url } = directory.get(DataSource).options as { url: string };
    admin = new Client({ connectionString: url });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await directory?.stop();
  });

  const UPDATE = `mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { id consentToReminders } }`;

  it('answers UNAVAILABLE with retryable: true when its connection is terminated mid-mutation, then recovers', async () => {
    await admin.query('begin');
    await admin.query('select id from patient where id = $1 for update', [msp.patientId]);
    const answer = directory.gql(
      UPDATE,
      { input: { patientId: msp.patientId, consentToReminders: true } },
      msp.as.secretary,
    );

    // The mutation's backend waits on our row lock: terminate it, as a restart of the server would.
    const pid = await expectEventually(async () => {
      const { rows } = await admin.query<{ pid: number }>(
        `select pid from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
      );
      expect(rows).toHaveLength(1);
      return rows[0].pid;
    });
    await admin.query('select pg_terminate_backend($1)', [pid]);
    const result = await answer;
    await admin.query('rollback');

    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/try again/),
      extensions: { code: 'UNAVAILABLE', reason: 'PLATFORM.UNAVAILABLE', retryable: true },
    });
    // Nothing was half-written, and the same request succeeds once the database answers again.
    const { rows } = await admin.query('select consent_to_reminders from patient where id = $1', [msp.patientId]);
    expect(rows[0].consent_to_reminders).toBe(false);
    const retried = await directory.ok<{ updatePatient: { consentToReminders: boolean } }>(
      UPDATE,
      { input: { patientId: msp.patientId, consentToReminders: true } },
      msp.as.secretary,
    );
    expect(retried.updatePatient.consentToReminders).toBe(true);
  });
});
