import { BOOK } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

describe('booking under contention (the exclusion constraint decides)', () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_contention');
    agenda = await seedAgenda(scheduling);
  });

  afterAll(() => scheduling?.stop());

  const liveAppointments = (practitionerId: string) =>
    scheduling.sql<{ starts_at: Date; ends_at: Date }>(
      `select starts_at, ends_at from appointment where practitioner_id = $1 and status <> 'cancelled'`,
      [practitionerId],
    );

  async function attempt(inputs: Array<Record<string, unknown>>) {
    const results = await Promise.all(inputs.map((input) => scheduling.gql(BOOK, { input }, agenda.as.secretary)));
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    return { winners, losers };
  }

  it('50 concurrent bookings of the same slot: exactly one wins, 49 are told the slot is no longer free', async () => {
    const input = {
      practitionerId: agenda.gpId,
      siteId: agenda.siteId,
      motifId: agenda.motifId,
      patientId: agenda.patientId,
      startsAt: siteTime(agenda, 7, '09:00'),
    };
    const { winners, losers } = await attempt(Array.from({ length: 50 }, () => input));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    for (const loser of losers) {
      expect(loser.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'SCHEDULING.SLOT_TAKEN',
        field: 'input.startsAt',
      });
      expect(loser.errors?.[0].message).toMatch(/no longer free/);
    }
    expect(await liveAppointments(agenda.gpId)).toHaveLength(1);
    const booked = await scheduling.events('scheduling.appointment.booked.v1');
    expect(booked.filter((e) => e.practitionerId === agenda.gpId)).toHaveLength(1);
  });

  it('50 concurrent bookings of overlapping but unequal ranges: exactly one wins', async () => {
    const motifs = [agenda.motifId, ...agenda.longMotifIds]; // 20, 30 and 45 minutes
    // Starts spread over 19 minutes and durations of at least 20: every pair overlaps.
    const inputs = Array.from({ length: 50 }, (_, i) => ({
      practitionerId: agenda.colleagueId,
      siteId: agenda.siteId,
      motifId: motifs[i % 3],
      patientId: agenda.patientId,
      startsAt: siteTime(agenda, 8, `10:${String(i % 20).padStart(2, '0')}`),
    }));
    const { winners, losers } = await attempt(inputs);
    expect(winners).toHaveLength(1);
    expect(losers.map((l) => l.errors?.[0].extensions?.reason)).toEqual(Array(49).fill('SCHEDULING.SLOT_TAKEN'));
    expect(await liveAppointments(agenda.colleagueId)).toHaveLength(1);
  });

  it('adjacent appointments do not overlap: [09:00, 09:20) and [09:20, 09:40) both fit', async () => {
    const base = {
      practitionerId: agenda.gpId,
      siteId: agenda.siteId,
      motifId: agenda.motifId,
      patientId: agenda.patientId,
    };
    const { winners } = await attempt([
      { ...base, startsAt: siteTime(agenda, 9, '09:00') },
      { ...base, startsAt: siteTime(agenda, 9, '09:20') },
    ]);
    expect(winners).toHaveLength(2);
  });

  it("one practitioner's booking does not block a colleague's same slot", async () => {
    const base = {
      siteId: agenda.siteId,
      motifId: agenda.motifId,
      patientId: agenda.patientId,
      startsAt: siteTime(agenda, 10, '09:00'),
    };
    const { winners } = await attempt([
      { ...base, practitionerId: agenda.gpId },
      { ...base, practitionerId: agenda.colleagueId },
    ]);
    expect(winners).toHaveLength(2);
  });

  it('the database itself refuses an overlap written behind the code', async () => {
    const [row] = await scheduling.sql<Record<string, unknown>>(
      `select * from appointment where practitioner_id = $1 and status = 'booked' limit 1`,
      [agenda.gpId],
    );
    await expect(
      scheduling.sql(
        `insert into appointment (id, structure_id, site_id, practitioner_id, patient_id, motif_id, starts_at, ends_at, status, booked_by, booked_by_actor)
         values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, 'booked', 'staff', 'sql')`,
        [row.structure_id, row.site_id, row.practitioner_id, row.patient_id, row.motif_id, row.starts_at, row.ends_at],
      ),
    ).rejects.toThrow(/appointment_no_overlap/);
  });
});
