import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  createEnvelope,
  eventDefinition,
  toKafkaRecord,
  type EventPayloads,
  type EventType,
  type MeetingScheduledV1,
} from '@msp/contracts';
import { InternalHttpClient } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { expectEventually, testKafkaBrokers, testServicePrivateKey } from '@msp/testing';
import { MeetingBlocks } from '../src/application/meetings/meeting-blocks';
import { DirectoryProjection } from '../src/application/projections/directory-projection';
import { BOOK, CANCEL, FREE_SLOTS } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

const AGENDA_DAY_BLOCKS = `query($structureId: ID!, $date: String!) {
  agendaDay(structureId: $structureId, date: $date) { practitioners { practitionerId meetingBlocks { startsAt endsAt } } } }`;

interface FreeBusyMember {
  memberId: string;
  busy: Array<{ startsAt: string; endsAt: string }>;
  patientBusy: Array<{ startsAt: string; endsAt: string }>;
}

describe("coordination meetings block the attendees' agendas under the appointments' constraint", () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;
  let producer: Producer;
  let coordination: InternalHttpClient;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_meeting_blocks');
    agenda = await seedAgenda(scheduling);
    producer = new Kafka({ clientId: 'scheduling-spec-meetings', brokers: testKafkaBrokers(), logLevel: 0 }).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    coordination = new InternalHttpClient({
      caller: 'coordination',
      target: 'scheduling',
      baseUrl: scheduling.url,
      privateKey: testServicePrivateKey('coordination'),
      timeoutMs: 5_000,
    });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await scheduling?.stop();
  });

  /** Publishes as coordination's relay would; `times` sends the very same record again (a redelivery). */
  async function publish<K extends EventType>(type: K, data: EventPayloads[K], times = 1): Promise<string> {
    const envelope = createEnvelope(type, data, { source: '/msp/coordination' });
    const record = toKafkaRecord(envelope);
    for (let i = 0; i < times; i++)
      await producer.send({
        topic: eventDefinition(type).topic,
        messages: [{ key: record.key, value: record.value, headers: record.headers }],
      });
    return envelope.id;
  }

  /** Publishes and waits until scheduling's inbox has applied it. */
  async function deliver<K extends EventType>(type: K, data: EventPayloads[K], times = 1): Promise<void> {
    const id = await publish(type, data, times);
    await expectEventually(
      async () => expect(await scheduling.sql(`select 1 from inbox_message where event_id = $1`, [id])).toHaveLength(1),
      60_000,
      200,
    );
  }

  const at = (day: number, time: string) => new Date(siteTime(agenda, day, time)).toISOString();
  const localDate = (day: number) => DateTime.now().setZone(agenda.timeZone).plus({ days: day }).toISODate() as string;

  function meeting(day: number, overrides: Partial<MeetingScheduledV1> = {}): MeetingScheduledV1 {
    return {
      meetingId: randomUUID(),
      structureId: agenda.structureId,
      kind: 'rcp',
      siteId: agenda.siteId,
      seriesId: null,
      startsAt: at(day, '12:00'),
      endsAt: at(day, '13:00'),
      attendeeIds: [agenda.gpId, agenda.colleagueId],
      scheduledAt: new Date().toISOString(),
      ...overrides,
    };
  }

  const book = (practitionerId: string, startsAt: string) =>
    scheduling.gql<{ bookAppointment: { id: string } }>(
      BOOK,
      {
        input: { practitionerId, siteId: agenda.siteId, motifId: agenda.motifId, patientId: randomUUID(), startsAt },
      },
      agenda.as.secretary,
    );

  const blockStates = (meetingId: string) =>
    scheduling.sql<{ member_id: string; state: string; overlapping_appointments: number }>(
      `select member_id, state, overlapping_appointments from meeting_block where meeting_id = $1 order by member_id`,
      [meetingId],
    );

  const busyRows = (meetingId: string) =>
    scheduling.sql<{ practitioner_id: string; starts_at: Date; ends_at: Date }>(
      `select practitioner_id, lower(during) as starts_at, upper(during) as ends_at from practitioner_busy
        where meeting_id = $1 order by practitioner_id`,
      [meetingId],
    );

  const refusals = async (meetingId: string) =>
    (await scheduling.events('scheduling.meeting-block.refused.v1')).filter((e) => e.meetingId === meetingId);

  async function freeSlotStarts(day: number, practitionerId: string): Promise<string[]> {
    const { freeSlots } = await scheduling.ok<{ freeSlots: Array<{ startsAt: string }> }>(
      FREE_SLOTS,
      {
        input: { motifId: agenda.motifId, from: localDate(day), to: localDate(day), practitionerIds: [practitionerId] },
      },
      agenda.as.secretary,
    );
    return freeSlots.map((s) => new Date(s.startsAt).toISOString());
  }

  it('places a block per attendee: a booking over it is SLOT_TAKEN, free slots and the day view skip it', async () => {
    const stranger = randomUUID();
    const event = meeting(2, { attendeeIds: [agenda.gpId, agenda.colleagueId, stranger] });
    await deliver('coordination.meeting.scheduled.v1', event);

    expect(await blockStates(event.meetingId)).toEqual(
      [agenda.gpId, agenda.colleagueId]
        .sort()
        .map((member_id) => ({ member_id, state: 'placed', overlapping_appointments: 0 })),
    );
    const refused = await book(agenda.gpId, at(2, '12:20'));
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SCHEDULING.SLOT_TAKEN' });
    // Right before and right after the meeting stay bookable.
    expect((await book(agenda.gpId, at(2, '11:40'))).errors).toBeUndefined();
    expect((await book(agenda.gpId, at(2, '13:00'))).errors).toBeUndefined();

    const starts = await freeSlotStarts(2, agenda.colleagueId);
    expect(starts).toContain(at(2, '11:40'));
    expect(starts).toContain(at(2, '13:00'));
    expect(starts.filter((s) => s >= at(2, '11:41') && s < at(2, '13:00'))).toEqual([]);

    const { agendaDay } = await scheduling.ok<{
      agendaDay: { practitioners: Array<{ practitionerId: string; meetingBlocks: unknown[] }> };
    }>(AGENDA_DAY_BLOCKS, { structureId: agenda.structureId, date: localDate(2) }, agenda.as.secretary);
    const gp = agendaDay.practitioners.find((p) => p.practitionerId === agenda.gpId);
    expect(gp?.meetingBlocks).toEqual([{ startsAt: at(2, '12:00'), endsAt: at(2, '13:00') }]);
  });

  it('a member with patients booked over the meeting gets no block and one refusal naming how many', async () => {
    expect((await book(agenda.gpId, at(3, '12:00'))).errors).toBeUndefined();
    expect((await book(agenda.gpId, at(3, '12:40'))).errors).toBeUndefined();
    const event = meeting(3);
    await deliver('coordination.meeting.scheduled.v1', event);

    expect(await busyRows(event.meetingId)).toEqual([
      { practitioner_id: agenda.colleagueId, starts_at: new Date(at(3, '12:00')), ends_at: new Date(at(3, '13:00')) },
    ]);
    expect((await blockStates(event.meetingId)).find((b) => b.member_id === agenda.gpId)).toEqual({
      member_id: agenda.gpId,
      state: 'refused',
      overlapping_appointments: 2,
    });
    expect(await refusals(event.meetingId)).toEqual([
      {
        meetingId: event.meetingId,
        structureId: agenda.structureId,
        memberId: agenda.gpId,
        overlappingAppointments: 2,
        refusedAt: expect.any(String),
      },
    ]);
    // The patients keep their time: nothing was moved.
    expect(
      await scheduling.sql(
        `select 1 from appointment where practitioner_id = $1 and status = 'booked' and starts_at >= $2 and starts_at < $3`,
        [agenda.gpId, at(3, '12:00'), at(3, '13:00')],
      ),
    ).toHaveLength(2);
  });

  it('rescheduled: the former time is bookable again, the new one blocked', async () => {
    const event = meeting(4);
    await deliver('coordination.meeting.scheduled.v1', event);
    await deliver('coordination.meeting.rescheduled.v1', {
      meetingId: event.meetingId,
      structureId: agenda.structureId,
      startsAt: at(4, '15:00'),
      endsAt: at(4, '16:00'),
      previousStartsAt: event.startsAt,
      previousEndsAt: event.endsAt,
      attendeeIds: [agenda.gpId],
      rescheduledAt: new Date().toISOString(),
    });

    expect(await busyRows(event.meetingId)).toEqual([
      { practitioner_id: agenda.gpId, starts_at: new Date(at(4, '15:00')), ends_at: new Date(at(4, '16:00')) },
    ]);
    expect(await blockStates(event.meetingId)).toEqual(
      expect.arrayContaining([{ member_id: agenda.colleagueId, state: 'freed', overlapping_appointments: 0 }]),
    );
    expect((await book(agenda.gpId, at(4, '12:20'))).errors).toBeUndefined();
    expect((await book(agenda.colleagueId, at(4, '15:20'))).errors).toBeUndefined();
    expect((await book(agenda.gpId, at(4, '15:20'))).errors?.[0].extensions?.reason).toBe('SCHEDULING.SLOT_TAKEN');
  });

  it('cancelled: every block is freed', async () => {
    const event = meeting(5);
    await deliver('coordination.meeting.scheduled.v1', event);
    await deliver('coordination.meeting.cancelled.v1', {
      meetingId: event.meetingId,
      structureId: agenda.structureId,
      cancelledAt: new Date().toISOString(),
    });
    expect(await busyRows(event.meetingId)).toEqual([]);
    expect((await blockStates(event.meetingId)).map((b) => b.state)).toEqual(['freed', 'freed']);
    expect((await book(agenda.gpId, at(5, '12:20'))).errors).toBeUndefined();
  });

  it('an invitee answering no is freed; answering maybe later takes the time again', async () => {
    const event = meeting(6);
    await deliver('coordination.meeting.scheduled.v1', event);
    const answer = (value: 'yes' | 'no' | 'maybe') =>
      deliver('coordination.invitation.answered.v1', {
        meetingId: event.meetingId,
        structureId: agenda.structureId,
        memberId: agenda.colleagueId,
        answer: value,
        answeredAt: new Date().toISOString(),
      });
    await answer('no');
    expect((await busyRows(event.meetingId)).map((b) => b.practitioner_id)).toEqual([agenda.gpId]);
    await answer('maybe');
    expect((await busyRows(event.meetingId)).map((b) => b.practitioner_id).sort()).toEqual(
      [agenda.gpId, agenda.colleagueId].sort(),
    );
  });

  it('events delivered twice, replayed or out of order end in the same state, with a single refusal', async () => {
    expect((await book(agenda.colleagueId, at(7, '12:00'))).errors).toBeUndefined();
    const event = meeting(7, { scheduledAt: '2026-01-01T08:00:00Z' });
    const moved = {
      meetingId: event.meetingId,
      structureId: agenda.structureId,
      startsAt: at(7, '14:00'),
      endsAt: at(7, '15:00'),
      previousStartsAt: event.startsAt,
      previousEndsAt: event.endsAt,
      attendeeIds: [agenda.gpId, agenda.colleagueId],
      rescheduledAt: '2026-01-02T08:00:00Z',
    };
    // The reschedule first (a replayed dead letter, say), then the older plan, twice over and published again.
    await deliver('coordination.meeting.rescheduled.v1', moved, 2);
    await deliver('coordination.meeting.scheduled.v1', event, 2);
    await deliver('coordination.meeting.scheduled.v1', event);
    const expected = [agenda.gpId, agenda.colleagueId].sort().map((practitioner_id) => ({
      practitioner_id,
      starts_at: new Date(at(7, '14:00')),
      ends_at: new Date(at(7, '15:00')),
    }));
    expect(await busyRows(event.meetingId)).toEqual(expected);

    // Now over the colleague's patient: one refusal, however often the fact comes again.
    const back = { ...moved, startsAt: event.startsAt, endsAt: event.endsAt, rescheduledAt: '2026-01-03T08:00:00Z' };
    await deliver('coordination.meeting.rescheduled.v1', back, 2);
    await deliver('coordination.meeting.rescheduled.v1', back);
    await deliver('coordination.meeting.rescheduled.v1', moved); // older: changes nothing
    expect((await busyRows(event.meetingId)).map((b) => b.practitioner_id)).toEqual([agenda.gpId]);
    expect(await refusals(event.meetingId)).toHaveLength(1);
  });

  it('an answer arriving before its meeting is kept and applied when the meeting comes', async () => {
    const event = meeting(8);
    await deliver('coordination.invitation.answered.v1', {
      meetingId: event.meetingId,
      structureId: agenda.structureId,
      memberId: agenda.gpId,
      answer: 'no',
      answeredAt: new Date(Date.now() + 60_000).toISOString(),
    });
    await deliver('coordination.meeting.scheduled.v1', event);
    expect((await busyRows(event.meetingId)).map((b) => b.practitioner_id)).toEqual([agenda.colleagueId]);
  });

  it('a booking and a meeting block racing for the same time: the database lets exactly one through', async () => {
    const runner = scheduling.get(DataSource).createQueryRunner();
    await runner.connect();
    try {
      // A booking holds the time, not yet committed; the block placement waits for it, then finds it and gives up.
      const event = meeting(9, { attendeeIds: [agenda.gpId] });
      await runner.startTransaction();
      const [row] = await runner.query(
        `insert into appointment (id, structure_id, site_id, practitioner_id, patient_id, motif_id, starts_at, ends_at, status, booked_by, booked_by_actor)
         values (gen_random_uuid(), $1, $2, $3, gen_random_uuid(), $4, $5, $6, 'booked', 'staff', 'spec') returning id`,
        [agenda.structureId, agenda.siteId, agenda.gpId, agenda.motifId, at(9, '12:20'), at(9, '12:40')],
      );
      const placing = scheduling.get(TransactionRunner).run(() => scheduling.get(MeetingBlocks).scheduled(event));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await runner.commitTransaction();
      await placing;
      expect(row.id).toBeDefined();
      expect(await busyRows(event.meetingId)).toEqual([]);
      expect(await refusals(event.meetingId)).toEqual([expect.objectContaining({ overlappingAppointments: 1 })]);

      // A block holds the time, not yet committed; the booking waits for it, then is told the slot is taken.
      const other = meeting(10, { attendeeIds: [agenda.gpId] });
      await runner.startTransaction();
      await runner.query(
        `insert into practitioner_busy (practitioner_id, during, source, meeting_id) values ($1, tstzrange($2, $3, '[)'), 'meeting', $4)`,
        [agenda.gpId, other.startsAt, other.endsAt, other.meetingId],
      );
      const booking = book(agenda.gpId, at(10, '12:20'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await runner.commitTransaction();
      expect((await booking).errors?.[0].extensions).toMatchObject({ reason: 'SCHEDULING.SLOT_TAKEN' });
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }

    // Many at once: whatever wins, the gp's time over the meeting holds either the block or appointments, never both.
    const race = meeting(11, { attendeeIds: [agenda.gpId] });
    const outcomes = await Promise.all([
      scheduling.get(TransactionRunner).run(() => scheduling.get(MeetingBlocks).scheduled(race)),
      ...['12:00', '12:20', '12:40'].map((time) => book(agenda.gpId, at(11, time))),
    ]);
    const booked = outcomes.slice(1).filter((o) => !(o as { errors?: unknown }).errors).length;
    const placed = (await busyRows(race.meetingId)).length;
    if (placed) expect(booked).toBe(0);
    else expect(booked).toBeGreaterThan(0);
    expect(await refusals(race.meetingId)).toHaveLength(placed ? 0 : 1);
    expect(
      await scheduling.sql(
        `select 1 from practitioner_busy a join practitioner_busy b on a.practitioner_id = b.practitioner_id
          and a.ctid < b.ctid and a.during && b.during and a.lane <> b.lane where a.practitioner_id = $1`,
        [agenda.gpId],
      ),
    ).toEqual([]);
  });

  it('free/busy counts blocks as busy, gives patientBusy apart, and leaves out the meeting being moved', async () => {
    expect((await book(agenda.gpId, at(12, '09:00'))).errors).toBeUndefined();
    const event = meeting(12);
    await deliver('coordination.meeting.scheduled.v1', event);
    const ask = (ignoreMeetingId?: string) =>
      coordination.post<{ members: FreeBusyMember[] }>('/internal/agenda/free-busy', {
        memberIds: [agenda.gpId],
        from: at(12, '07:00'),
        to: at(12, '19:00'),
        ...(ignoreMeetingId ? { ignoreMeetingId } : {}),
      });
    const [gp] = (await ask()).members;
    expect(gp.busy).toEqual([
      { startsAt: at(12, '09:00'), endsAt: at(12, '09:20') },
      { startsAt: at(12, '12:00'), endsAt: at(12, '13:00') },
    ]);
    expect(gp.patientBusy).toEqual([{ startsAt: at(12, '09:00'), endsAt: at(12, '09:20') }]);
    const [ignoring] = (await ask(event.meetingId)).members;
    expect(ignoring.busy).toEqual([{ startsAt: at(12, '09:00'), endsAt: at(12, '09:20') }]);
  });

  it('cancelling an appointment frees its time for a meeting block (the trigger follows the appointment)', async () => {
    const booked = await book(agenda.colleagueId, at(13, '12:00'));
    await scheduling.ok(
      CANCEL,
      { input: { appointmentId: booked.data?.bookAppointment.id, reason: 'OTHER' } },
      agenda.as.secretary,
    );
    const event = meeting(13, { attendeeIds: [agenda.colleagueId] });
    await deliver('coordination.meeting.scheduled.v1', event);
    expect(await busyRows(event.meetingId)).toHaveLength(1);
  });

  it('only members of the meeting structure known here are blocked', async () => {
    const elsewhere = randomUUID();
    await scheduling.get(TransactionRunner).run(() =>
      scheduling.get(DirectoryProjection).upsertMember({
        memberId: elsewhere,
        structureId: randomUUID(),
        profession: 'nurse',
        roles: ['practitioner'],
        siteIds: [],
      }),
    );
    const event = meeting(14, { attendeeIds: [elsewhere, agenda.gpId] });
    await deliver('coordination.meeting.scheduled.v1', event);
    expect((await busyRows(event.meetingId)).map((b) => b.practitioner_id)).toEqual([agenda.gpId]);
    expect((await blockStates(event.meetingId)).map((b) => b.member_id)).toEqual([agenda.gpId]);
  });
});
