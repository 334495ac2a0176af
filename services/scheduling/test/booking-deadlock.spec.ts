import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, type QueryRunner } from 'typeorm';
import { BOOK } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

const minutesAfter = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * 60_000);

describe('a booking that loses a deadlock on the exclusion constraint (real PostgreSQL)', () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_deadlock');
    agenda = await seedAgenda(scheduling);
  });

  afterAll(() => scheduling?.stop());

  /** An appointment of the GP written by another transaction, as raw contention would. */
  const insertRaw = (other: QueryRunner, start: Date, end: Date) =>
    other.query(
      `insert into appointment (id, structure_id, site_id, practitioner_id, patient_id, motif_id, starts_at, ends_at,
                                status, booked_by, booked_by_actor)
       values ($1, $2, $3, $4, $5, $6, $7, $8, 'booked', 'staff', 'deadlock-spec')`,
      [randomUUID(), agenda.structureId, agenda.siteId, agenda.gpId, agenda.patientId, agenda.motifId, start, end],
    );

  async function untilBlockedBy(other: QueryRunner): Promise<void> {
    const [{ pid }] = await other.query('select pg_backend_pid() as pid');
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(10)) {
      const [row] = await scheduling.sql<{ blocked: number }>(
        'select count(*)::int as blocked from pg_stat_activity where $1 = any(pg_blocking_pids(pid))',
        [pid],
      );
      if (row.blocked > 0) return;
    }
    throw new Error('the booking never waited for the other transaction');
  }

  it('is run again and answers SLOT_TAKEN, not an internal error, and the other transaction keeps the time', async () => {
    const startsAt = siteTime(agenda, 10, '09:00'); // the 20-minute motif: [09:00, 09:20)
    const other = scheduling.get(DataSource).createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      // The booking's session detects the deadlock (after the server's 1 s) and is the one PostgreSQL rolls back.
      await other.query(`set local deadlock_timeout = '10s'`);
      await insertRaw(other, new Date(startsAt), minutesAfter(startsAt, 10));
      // The booking inserts its row, then waits for ours, which overlaps it...
      const booking = scheduling.gql(
        BOOK,
        {
          input: {
            practitionerId: agenda.gpId,
            siteId: agenda.siteId,
            motifId: agenda.motifId,
            patientId: agenda.patientId,
            startsAt,
          },
        },
        agenda.as.secretary,
      );
      await untilBlockedBy(other);
      // ...and our second row, clear of our first but overlapping the booking's, waits for the booking: a deadlock.
      await insertRaw(other, minutesAfter(startsAt, 10), minutesAfter(startsAt, 20));
      await other.commitTransaction();

      const result = await booking;
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SCHEDULING.SLOT_TAKEN' });
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
    const live = await scheduling.sql<{ booked_by_actor: string }>(
      `select booked_by_actor from appointment where practitioner_id = $1 and status <> 'cancelled'
          and tstzrange(starts_at, ends_at, '[)') && tstzrange($2, $3, '[)')`,
      [agenda.gpId, new Date(startsAt), minutesAfter(startsAt, 20)],
    );
    expect(live).toEqual([{ booked_by_actor: 'deadlock-spec' }, { booked_by_actor: 'deadlock-spec' }]);
  });
});
