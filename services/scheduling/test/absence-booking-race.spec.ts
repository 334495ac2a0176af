import { TransactionRunner } from '@msp/persistence';
import { DeclareAbsenceHandler } from '../src/application/absences/declare-absence.handler';
import { memberActor } from '../src/application/actor';
import { BookAppointmentHandler } from '../src/application/booking/book-appointment.handler';
import { HoldSlotHandler } from '../src/application/booking/hold-slot.handler';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

/**
 * An absence declared while a booking of the same practitioner is under way: the booking must see it. The absence's
 * transaction is held open after its insert (as a slow commit would be), the booking is started meanwhile, then the
 * absence commits: without the practitioner's agenda lock the booking read the agenda before the commit and landed
 * inside the absence.
 */
describe('an absence declared during a booking (real PostgreSQL)', () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_absence_race');
    agenda = await seedAgenda(scheduling);
  });

  afterAll(() => scheduling?.stop());

  const appointmentsInside = (from: string, to: string) =>
    scheduling.sql<{ id: string }>(
      `select id from appointment where practitioner_id = $1 and status <> 'cancelled'
        and starts_at < $3 and ends_at > $2`,
      [agenda.gpId, from, to],
    );

  /** Declares an absence whose transaction stays open until `commit` is called. */
  async function absenceHeldOpen(from: string, to: string) {
    let commit!: () => void;
    const released = new Promise<void>((resolve) => (commit = resolve));
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const done = scheduling.get(TransactionRunner).run(async () => {
      await scheduling.get(DeclareAbsenceHandler).execute(agenda.as.secretary, {
        structureId: agenda.structureId,
        practitionerId: agenda.gpId,
        kind: 'absence',
        startsAt: from,
        endsAt: to,
      } as never);
      inserted();
      await released;
    });
    await Promise.race([insertedYet, done]);
    return { commit, done };
  }

  it.each([
    [
      'a booking',
      (slot: Record<string, string>) =>
        scheduling.get(BookAppointmentHandler).execute(memberActor(agenda.as.secretary), slot as never),
    ],
    [
      'a hold',
      (slot: Record<string, string>) =>
        scheduling.get(HoldSlotHandler).execute(memberActor(agenda.as.secretary), slot as never),
    ],
  ])('%s started before the absence commits is refused once it does, and nothing lands inside', async (what, take) => {
    const day = what === 'a booking' ? 10 : 11;
    const from = siteTime(agenda, day, '09:00');
    const to = siteTime(agenda, day, '12:00');
    const absence = await absenceHeldOpen(from, to);
    const booking = take({
      practitionerId: agenda.gpId,
      siteId: agenda.siteId,
      motifId: agenda.motifId,
      patientId: agenda.patientId,
      startsAt: siteTime(agenda, day, '10:00'),
    }).then(
      () => 'booked',
      (error: Error) => error.message,
    );
    // Let the booking reach the database before the absence commits.
    await new Promise((resolve) => setTimeout(resolve, 300));
    absence.commit();
    await absence.done;
    expect(await booking).toMatch(/^input\.startsAt: .*absen/i);
    expect(await appointmentsInside(from, to)).toEqual([]);
  });
});
