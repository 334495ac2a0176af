import { randomUUID } from 'node:crypto';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryProjection } from '../src/application/projections/directory-projection';
import { DirectoryStub } from './fixtures/directory-stub';
import { BOOK, DEFINE_RANGE } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

const SNP_SLOTS = `query($c: ID!, $f: String!, $t: String!) {
  snpSlots(cptsId: $c, from: $f, to: $t) { practitionerId structureId siteId motifId startsAt released } }`;
const BOOK_POOLED = `mutation($input: BookPooledSnpSlotInput!) {
  bookPooledSnpSlot(input: $input) { id structureId practitionerId patientId bookingStructureId status startsAt } }`;
const ENTRY = 'id practitionerId motifLabel startsAt detailsVisible status patient { id } bookingStructureId';
const AGENDA_DAY = `query($s: ID!, $d: String!) { agendaDay(structureId: $s, date: $d) { practitioners { practitionerId appointments { ${ENTRY} } } } }`;
const PATIENT_APPOINTMENTS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Patient { id appointments { ${ENTRY} } } } }`;

interface PoolSlot {
  practitionerId: string;
  structureId: string;
  siteId: string;
  motifId: string;
  startsAt: string;
  released: boolean;
}
interface Entry {
  id: string;
  motifLabel: string;
  detailsVisible: boolean;
  status: string | null;
  patient: { id: string } | null;
  bookingStructureId: string | null;
}

/**
 * SCH-4: the CPTS pools the SNP slots of its practitioner members; staff of another MSP of the CPTS book their own
 * patient into a released one. Host: the MSP des Lices (the colleague holds back a third of 09:00–12:00, released at
 * 08:00 the same day). Booking MSP: the MSP of Paimpont, attached to the CPTS. Outsider: an MSP the directory does
 * not attach to the CPTS.
 */
describe('CPTS pool: another MSP of the CPTS books a released SNP slot for its patient (SCH-4)', () => {
  let directory: DirectoryStub;
  let scheduling: SchedulingTestApp;
  let host: SeededAgenda;
  let booking: SeededAgenda;
  let outsider: SeededAgenda;
  const cptsId = randomUUID();
  const DAY = 4;
  let date: string;

  beforeAll(async () => {
    directory = await DirectoryStub.start();
    scheduling = await SchedulingTestApp.start('scheduling_cpts_pool', {
      DIRECTORY_INTERNAL_URL: directory.url,
      SNP_RELEASE_SCAN_SECONDS: '3600',
    });
    [host, booking, outsider] = [
      await seedAgenda(scheduling),
      await seedAgenda(scheduling),
      await seedAgenda(scheduling),
    ];
    date = siteTime(host, DAY, '12:00').slice(0, 10);
    await scheduling.sql(`delete from opening_range where practitioner_id = $1`, [host.colleagueId]);
    await scheduling.ok(
      DEFINE_RANGE,
      {
        input: {
          practitionerId: host.colleagueId,
          siteId: host.siteId,
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          startTime: '09:00',
          endTime: '12:00',
          validFrom: siteTime(host, -1, '12:00').slice(0, 10),
          snpShare: 1 / 3,
          snpRelease: { daysBefore: 0, at: '08:00' },
        },
      },
      host.as.secretary,
    );
    // The colleague is a practitioner member of the CPTS (directory events); the directory attaches both MSPs to it.
    await scheduling.get(TransactionRunner).run(() =>
      scheduling.get(DirectoryProjection).upsertMember({
        memberId: host.colleagueId,
        structureId: cptsId,
        profession: 'general_practitioner',
        roles: ['practitioner'],
        siteIds: [],
      }),
    );
    directory.cptsMsps.set(cptsId, new Set([host.structureId, booking.structureId]));
    // Each seeded patient is its own MSP's only.
    for (const msp of [host, booking, outsider]) directory.patientOfAnotherStructure(msp.patientId, msp.structureId);
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await scheduling?.stop();
    await directory?.stop();
  });

  const at = (instant: string) => jest.spyOn(scheduling.get(Clock), 'now').mockReturnValue(new Date(instant));
  const afterRelease = () => at(new Date(new Date(siteTime(host, DAY, '08:00')).getTime() + 60_000).toISOString());
  const pool = async (user: UserContext) =>
    (await scheduling.ok<{ snpSlots: PoolSlot[] }>(SNP_SLOTS, { c: cptsId, f: date, t: date }, user)).snpSlots.filter(
      (s) => s.motifId === host.motifId,
    );
  const pooledInput = (slot: PoolSlot, by: SeededAgenda, extra: Record<string, unknown> = {}) => ({
    cptsId,
    bookingStructureId: by.structureId,
    practitionerId: slot.practitionerId,
    siteId: slot.siteId,
    motifId: slot.motifId,
    startsAt: slot.startsAt,
    patientId: by.patientId,
    ...extra,
  });
  const appointmentsCount = async () =>
    Number((await scheduling.sql<{ count: string }>(`select count(*) from appointment`))[0].count);

  it('a secretary of the second MSP sees the pool and books a released slot for her patient; both MSPs see it as they may', async () => {
    afterRelease();
    const slots = await pool(booking.as.secretary);
    expect(slots).toHaveLength(3);
    expect(slots.every((s) => s.released && s.structureId === host.structureId)).toBe(true);

    const { bookPooledSnpSlot: booked } = await scheduling.ok<{ bookPooledSnpSlot: Record<string, unknown> }>(
      BOOK_POOLED,
      { input: pooledInput(slots[0], booking) },
      booking.as.secretary,
    );
    expect(booked).toMatchObject({
      structureId: host.structureId,
      practitionerId: host.colleagueId,
      patientId: booking.patientId,
      bookingStructureId: booking.structureId,
      status: 'BOOKED',
    });
    expect(await scheduling.events('scheduling.appointment.booked.v1')).toContainEqual(
      expect.objectContaining({
        appointmentId: booked.id,
        structureId: host.structureId,
        patientId: booking.patientId,
      }),
    );
    // The slot is no longer in the pool.
    expect((await pool(booking.as.secretary)).map((s) => s.startsAt)).not.toContain(slots[0].startsAt);

    // Host: the slot is busy, with the motif and the booking MSP; not the patient, even for desk staff or the practitioner.
    const hostColleague: UserContext = {
      memberId: host.colleagueId,
      memberships: [{ structureId: host.structureId, roles: ['practitioner'], siteIds: [host.siteId] }],
    };
    for (const viewer of [host.as.secretary, hostColleague]) {
      const { agendaDay } = await scheduling.ok<{
        agendaDay: { practitioners: Array<{ practitionerId: string; appointments: Entry[] }> };
      }>(AGENDA_DAY, { s: host.structureId, d: date }, viewer);
      const entry = agendaDay.practitioners
        .find((p) => p.practitionerId === host.colleagueId)
        ?.appointments.find((a) => a.id === booked.id);
      expect(entry).toMatchObject({
        motifLabel: 'Consultation 20',
        bookingStructureId: booking.structureId,
        detailsVisible: false,
        patient: null,
      });
    }

    // Booking MSP: its patient's appointments include it, with the patient.
    const { _entities } = await scheduling.ok<{ _entities: Array<{ appointments: Entry[] }> }>(
      PATIENT_APPOINTMENTS,
      { reps: [{ __typename: 'Patient', id: booking.patientId }] },
      booking.as.secretary,
    );
    expect(_entities[0].appointments).toContainEqual(
      expect.objectContaining({
        id: booked.id,
        detailsVisible: true,
        patient: { id: booking.patientId },
        bookingStructureId: booking.structureId,
      }),
    );
    // The host's staff cannot find it from the other MSP's patient either.
    const asHost = await scheduling.ok<{ _entities: Array<{ appointments: Entry[] }> }>(
      PATIENT_APPOINTMENTS,
      { reps: [{ __typename: 'Patient', id: booking.patientId }] },
      host.as.secretary,
    );
    expect(asHost._entities[0].appointments).toEqual([]);
  });

  it('a member of an MSP outside the CPTS can neither see the pool nor book it: FORBIDDEN with the reason, nothing written', async () => {
    afterRelease();
    const [slot] = await pool(booking.as.secretary);
    const before = await appointmentsCount();
    const refused = await scheduling.gql(BOOK_POOLED, { input: pooledInput(slot, outsider) }, outsider.as.secretary);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'SCHEDULING.NOT_IN_CPTS',
      field: 'input.bookingStructureId',
    });
    expect(refused.errors?.[0].message).toMatch(/not an MSP of the CPTS/);
    expect(
      (await scheduling.gql(SNP_SLOTS, { c: cptsId, f: date, t: date }, outsider.as.secretary)).errors?.[0].extensions
        ?.code,
    ).toBe('NOT_FOUND');
    // Naming the other MSP it does not belong to: NOT_FOUND, as any structure not one's own.
    const posing = await scheduling.gql(BOOK_POOLED, { input: pooledInput(slot, booking) }, outsider.as.secretary);
    expect(posing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.bookingStructureId' });
    expect(await appointmentsCount()).toBe(before);
  });

  it('refuses before the release, outside the SNP share, outside the pool, another MSP’s patient — naming the field', async () => {
    const [slot] = await pool(booking.as.secretary);
    const before = await appointmentsCount();
    at(new Date(new Date(siteTime(host, DAY, '08:00')).getTime() - 60_000).toISOString());
    const early = await scheduling.gql(BOOK_POOLED, { input: pooledInput(slot, booking) }, booking.as.secretary);
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsAt' });
    expect(early.errors?.[0].message).toMatch(/released to the CPTS at/);
    afterRelease();
    // 09:00 is the first grid slot, kept for booking (one in three is SNP, the last of each three).
    const regular = await scheduling.gql(
      BOOK_POOLED,
      { input: pooledInput({ ...slot, startsAt: siteTime(host, DAY, '09:00') }, booking) },
      booking.as.secretary,
    );
    expect(regular.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsAt' });
    const notPooled = await scheduling.gql(
      BOOK_POOLED,
      { input: pooledInput({ ...slot, practitionerId: host.gpId }, booking) },
      booking.as.secretary,
    );
    expect(notPooled.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.practitionerId' });
    const othersPatient = await scheduling.gql(
      BOOK_POOLED,
      { input: pooledInput(slot, booking, { patientId: outsider.patientId }) },
      booking.as.secretary,
    );
    expect(othersPatient.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.patientId' });
    expect(await appointmentsCount()).toBe(before);
    // And the host's own booking of the other MSP's patient is still refused (no cross-structure booking by the host).
    const hostBooks = await scheduling.gql(
      BOOK,
      {
        input: {
          practitionerId: host.colleagueId,
          siteId: host.siteId,
          motifId: host.motifId,
          patientId: booking.patientId,
          startsAt: slot.startsAt,
        },
      },
      host.as.secretary,
    );
    expect(hostBooks.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.patientId' });
  });
});
