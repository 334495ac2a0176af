import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MeetingBlocks1764500001000 } from '../src/infrastructure/migrations/1764500001000-meeting-blocks';
import { BOOK } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

describe('the meeting-blocks migration keeps the appointments already booked', () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_meeting_blocks_migration');
    agenda = await seedAgenda(scheduling);
  });

  afterAll(() => scheduling?.stop());

  const book = (practitionerId: string, time: string) =>
    scheduling.ok<{ bookAppointment: { id: string } }>(
      BOOK,
      {
        input: {
          practitionerId,
          siteId: agenda.siteId,
          motifId: agenda.motifId,
          patientId: randomUUID(),
          startsAt: siteTime(agenda, 3, time),
        },
      },
      agenda.as.secretary,
    );

  async function migrate(step: 'up' | 'down'): Promise<void> {
    const runner = scheduling.get(DataSource).createQueryRunner();
    try {
      await new MeetingBlocks1764500001000()[step](runner);
    } finally {
      await runner.release();
    }
  }

  it('backfills practitioner_busy with every live appointment, and none of the cancelled ones', async () => {
    // The database as it was before the migration, with appointments booked then (and one cancelled then).
    await migrate('down');
    const live = [await book(agenda.gpId, '09:00'), await book(agenda.colleagueId, '09:00')];
    const cancelled = await book(agenda.gpId, '10:00');
    await scheduling.sql(`update appointment set status = 'cancelled', cancelled_at = now() where id = $1`, [
      cancelled.bookAppointment.id,
    ]);

    await migrate('up');

    const rows = await scheduling.sql<{ appointment_id: string; practitioner_id: string; same: boolean }>(
      `select b.appointment_id, b.practitioner_id, b.during = tstzrange(a.starts_at, a.ends_at, '[)') as same
         from practitioner_busy b join appointment a on a.id = b.appointment_id order by b.appointment_id`,
    );
    expect(rows).toEqual(
      live
        .map((a) => a.bookAppointment.id)
        .sort()
        .map((id) => ({
          appointment_id: id,
          practitioner_id: expect.any(String),
          same: true,
        })),
    );
    // And the triggers keep it so from then on: the backfilled time is taken for a meeting block too.
    await expect(
      scheduling.sql(
        `insert into practitioner_busy (practitioner_id, during, source, meeting_id)
         values ($1, tstzrange($2, $3, '[)'), 'meeting', gen_random_uuid())`,
        [agenda.gpId, siteTime(agenda, 3, '09:10'), siteTime(agenda, 3, '09:50')],
      ),
    ).rejects.toThrow(/practitioner_busy_no_overlap/);
    await scheduling.sql(`update appointment set status = 'cancelled', cancelled_at = now() where id = $1`, [
      live[0].bookAppointment.id,
    ]);
    expect(
      await scheduling.sql(`select 1 from practitioner_busy where appointment_id = $1`, [live[0].bookAppointment.id]),
    ).toEqual([]);
  });
});
