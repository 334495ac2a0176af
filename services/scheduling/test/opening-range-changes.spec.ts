import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { UserContext } from '@msp/auth';
import { InternalHttpClient } from '@msp/messaging';
import { testServicePrivateKey } from '@msp/testing';
import { RESCHEDULE } from './fixtures/agenda-operations';
import { BOOK, DEFINE_RANGE, FREE_SLOTS } from './fixtures/operations';
import { publicCall } from './fixtures/public-api';
import { SchedulingTestApp, type GraphQLResult } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

const RANGE_FIELDS = 'id version validFrom validUntil startTime endTime recurrence replaces';
const OUTSIDE_FIELDS = 'appointmentId practitionerId siteId startsAt endsAt status decision openingRangeId';
const CHANGE = `range { ${RANGE_FIELDS} } replacement { ${RANGE_FIELDS} } outsideAppointments { ${OUTSIDE_FIELDS} }`;
const END_RANGE = `mutation($input: EndOpeningRangeInput!) { endOpeningRange(input: $input) { ${CHANGE} } }`;
const EDIT_RANGE = `mutation($input: EditOpeningRangeInput!) { editOpeningRange(input: $input) { ${CHANGE} } }`;
const OUTSIDE = `query($structureId: ID!, $practitionerId: ID) {
  appointmentsOutsideOpeningRanges(structureId: $structureId, practitionerId: $practitionerId) { ${OUTSIDE_FIELDS} } }`;
const DECIDE = `mutation($input: DecideOutsideAppointmentInput!) {
  decideAppointmentOutsideOpeningRanges(input: $input) { ${OUTSIDE_FIELDS} } }`;
const RANGES = `query($structureId: ID!, $practitionerId: ID) {
  openingRanges(structureId: $structureId, practitionerId: $practitionerId) { ${RANGE_FIELDS} } }`;
const MOTIF_FIELDS = 'id label durationMinutes version archivedAt';
const MOTIFS = `query($structureId: ID!, $includeArchived: Boolean) {
  motifs(structureId: $structureId, includeArchived: $includeArchived) { ${MOTIF_FIELDS} } }`;
const EDIT_MOTIF = `mutation($input: EditMotifInput!) { editMotif(input: $input) { ${MOTIF_FIELDS} } }`;
const ARCHIVE_MOTIF = `mutation($input: ArchiveMotifInput!) { archiveMotif(input: $input) { ${MOTIF_FIELDS} } }`;
const APPOINTMENT = `query($id: ID!) { appointment(id: $id) { id motifId status startsAt endsAt } }`;

interface Range {
  id: string;
  version: number;
  validFrom: string;
  validUntil: string | null;
  startTime: string;
  endTime: string;
  recurrence: string;
  replaces: string | null;
}
interface Outside {
  appointmentId: string;
  practitionerId: string;
  startsAt: string;
  endsAt: string;
  status: string;
  decision: string | null;
  openingRangeId: string;
}
interface Change {
  range: Range | null;
  replacement: Range | null;
  outsideAppointments: Outside[];
}
interface MotifRow {
  id: string;
  label: string;
  durationMinutes: number;
  version: number;
  archivedAt: string | null;
}

describe('opening ranges and motifs change over time, and no booked appointment is left outside unseen (SCH-1, SCH-2)', () => {
  let scheduling: SchedulingTestApp;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_range_changes');
  });
  afterAll(() => scheduling?.stop());

  /** The local date of the site `days` days from today. */
  const date = (agenda: SeededAgenda, days: number) => siteTime(agenda, days, '12:00').slice(0, 10);
  const iso = (agenda: SeededAgenda, days: number, time: string) =>
    new Date(siteTime(agenda, days, time)).toISOString();

  async function book(
    agenda: SeededAgenda,
    days: number,
    time: string,
    extra: { practitionerId?: string; motifId?: string } = {},
  ): Promise<string> {
    const input = {
      practitionerId: extra.practitionerId ?? agenda.gpId,
      siteId: agenda.siteId,
      motifId: extra.motifId ?? agenda.motifId,
      patientId: randomUUID(),
      startsAt: siteTime(agenda, days, time),
    };
    return (await scheduling.ok<{ bookAppointment: { id: string } }>(BOOK, { input }, agenda.as.secretary))
      .bookAppointment.id;
  }
  const tryBook = (agenda: SeededAgenda, days: number, time: string, motifId = agenda.motifId) =>
    scheduling.gql(
      BOOK,
      {
        input: {
          practitionerId: agenda.gpId,
          siteId: agenda.siteId,
          motifId,
          patientId: randomUUID(),
          startsAt: siteTime(agenda, days, time),
        },
      },
      agenda.as.secretary,
    );
  async function rangeOf(agenda: SeededAgenda, practitionerId = agenda.gpId): Promise<Range> {
    const { openingRanges } = await scheduling.ok<{ openingRanges: Range[] }>(
      RANGES,
      { structureId: agenda.structureId, practitionerId },
      agenda.as.secretary,
    );
    return openingRanges[0];
  }
  const endRange = (input: Record<string, unknown>, user: UserContext) =>
    scheduling.gql<{ endOpeningRange: Change }>(END_RANGE, { input }, user);
  const editRange = (input: Record<string, unknown>, user: UserContext) =>
    scheduling.gql<{ editOpeningRange: Change }>(EDIT_RANGE, { input }, user);
  const outside = async (agenda: SeededAgenda, user = agenda.as.secretary) =>
    (
      await scheduling.ok<{ appointmentsOutsideOpeningRanges: Outside[] }>(
        OUTSIDE,
        { structureId: agenda.structureId },
        user,
      )
    ).appointmentsOutsideOpeningRanges;
  const decide = (input: Record<string, unknown>, user: UserContext) =>
    scheduling.gql<{ decideAppointmentOutsideOpeningRanges: Outside }>(DECIDE, { input }, user);
  const statuses = async (ids: string[]) =>
    (
      await scheduling.sql<{ id: string; status: string }>(
        `select id, status from appointment where id = any($1) order by id`,
        [ids],
      )
    ).map((row) => row.status);
  const rangeEvents = async (openingRangeId: string) =>
    (await scheduling.events('scheduling.opening-ranges.changed.v1')).filter(
      (e) => e.openingRangeId === openingRangeId,
    );
  const freeSlotsOn = (agenda: SeededAgenda, days: number, extra: Record<string, unknown> = {}) =>
    scheduling.gql<{ freeSlots: Array<{ startsAt: string }> }>(
      FREE_SLOTS,
      {
        input: {
          motifId: agenda.motifId,
          from: date(agenda, days),
          to: date(agenda, days),
          practitionerIds: [agenda.gpId],
          ...extra,
        },
      },
      agenda.as.secretary,
    );
  const sorted = (ids: string[]) => [...ids].sort();

  it('Ending a range with 3 booked appointments after its new end lists exactly those 3; nothing is deleted without a decision', async () => {
    const agenda = await seedAgenda(scheduling);
    const before = await book(agenda, 2, '09:00');
    const after = [await book(agenda, 5, '09:00'), await book(agenda, 6, '10:00'), await book(agenda, 9, '14:00')];
    const colleagues = await book(agenda, 6, '09:00', { practitionerId: agenda.colleagueId });
    const range = await rangeOf(agenda);

    const { data, errors } = await endRange(
      { openingRangeId: range.id, version: range.version, from: date(agenda, 4) },
      agenda.as.secretary,
    );

    expect(errors).toBeUndefined();
    const change = data!.endOpeningRange;
    expect(change.range).toMatchObject({ id: range.id, validUntil: date(agenda, 3), version: range.version + 1 });
    expect(change.replacement).toBeNull();
    expect(sorted(change.outsideAppointments.map((a) => a.appointmentId))).toEqual(sorted(after));
    expect(change.outsideAppointments.every((a) => a.status === 'BOOKED' && a.decision === null)).toBe(true);
    expect(change.outsideAppointments.map((a) => a.openingRangeId)).toEqual([range.id, range.id, range.id]);
    // Listed until decided, for anyone of the structure who looks later.
    expect(sorted((await outside(agenda)).map((a) => a.appointmentId))).toEqual(sorted(after));
    // Nothing was cancelled or deleted: every appointment is still booked where it was.
    expect(await statuses([before, ...after, colleagues])).toEqual(['booked', 'booked', 'booked', 'booked', 'booked']);
    const ids = new Set([before, ...after, colleagues]);
    expect(
      (await scheduling.events('scheduling.appointment.cancelled.v1')).filter((e) =>
        ids.has(e.appointmentId as string),
      ),
    ).toEqual([]);
    // The event says the range is removed from that day: consumers (indicators) stop counting it there.
    expect((await rangeEvents(range.id)).at(-1)).toMatchObject({
      change: 'removed',
      validFrom: range.validFrom,
      validUntil: date(agenda, 3),
      removedFrom: date(agenda, 4),
      startTime: '08:00',
      endTime: '18:00',
    });
    // From the new end on, the practitioner is offered nowhere and cannot be booked; before it, as before.
    expect((await freeSlotsOn(agenda, 5)).data?.freeSlots).toEqual([]);
    expect((await freeSlotsOn(agenda, 3)).data?.freeSlots.length).toBeGreaterThan(0);
    expect((await tryBook(agenda, 5, '11:00')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('editing the hours from a day on lists the appointments now outside; the past keeps the range as it was', async () => {
    const agenda = await seedAgenda(scheduling);
    const early = await book(agenda, 3, '08:20');
    const inside = await book(agenda, 3, '10:00');
    const late = await book(agenda, 3, '16:00');
    const nextDay = await book(agenda, 4, '17:00');
    const earlier = await book(agenda, 2, '17:00');
    const range = await rangeOf(agenda);

    const { data, errors } = await editRange(
      { openingRangeId: range.id, version: range.version, from: date(agenda, 3), startTime: '09:00', endTime: '15:00' },
      agenda.as.secretary,
    );

    expect(errors).toBeUndefined();
    const change = data!.editOpeningRange;
    expect(change.range).toMatchObject({ id: range.id, validUntil: date(agenda, 2), startTime: '08:00' });
    expect(change.replacement).toMatchObject({
      validFrom: date(agenda, 3),
      validUntil: null,
      startTime: '09:00',
      endTime: '15:00',
      recurrence: range.recurrence,
      replaces: range.id,
      version: 1,
    });
    expect(sorted(change.outsideAppointments.map((a) => a.appointmentId))).toEqual(sorted([early, late, nextDay]));
    expect(await statuses([early, inside, late, nextDay, earlier])).toEqual(Array(5).fill('booked'));
    const events = await scheduling.events('scheduling.opening-ranges.changed.v1');
    expect(events.filter((e) => e.openingRangeId === range.id).at(-1)).toMatchObject({
      change: 'removed',
      removedFrom: date(agenda, 3),
      validUntil: date(agenda, 2),
    });
    expect(events.filter((e) => e.openingRangeId === change.replacement!.id)).toEqual([
      expect.objectContaining({ change: 'defined', validFrom: date(agenda, 3), startTime: '09:00', endTime: '15:00' }),
    ]);
    // Both rows stay: the range as it was up to the day before, and the one continuing it.
    const { openingRanges } = await scheduling.ok<{ openingRanges: Range[] }>(
      RANGES,
      { structureId: agenda.structureId, practitionerId: agenda.gpId },
      agenda.as.secretary,
    );
    expect(openingRanges.map((r) => r.id)).toEqual([range.id, change.replacement!.id]);
  });

  it('editing the days lists the appointments on days no longer open', async () => {
    const agenda = await seedAgenda(scheduling);
    const kept = DateTime.fromISO(date(agenda, 3)).weekday;
    const onKeptDay = await book(agenda, 3, '09:00');
    const onDroppedDays = [await book(agenda, 4, '09:00'), await book(agenda, 5, '09:00')];
    const range = await rangeOf(agenda);

    const { data } = await editRange(
      { openingRangeId: range.id, version: range.version, from: date(agenda, 3), weekdays: [kept] },
      agenda.as.practitioner,
    );

    expect(sorted(data!.editOpeningRange.outsideAppointments.map((a) => a.appointmentId))).toEqual(
      sorted(onDroppedDays),
    );
    expect(await statuses([onKeptDay])).toEqual(['booked']);
  });

  it('staff decide per appointment: kept stays valid and is not listed again, moved by rescheduling, cancelled with a reason', async () => {
    const agenda = await seedAgenda(scheduling);
    const [keep, move, cancel] = [
      await book(agenda, 3, '16:00'),
      await book(agenda, 3, '16:40'),
      await book(agenda, 4, '17:00'),
    ];
    const range = await rangeOf(agenda);
    const { data } = await editRange(
      { openingRangeId: range.id, version: range.version, from: date(agenda, 3), endTime: '15:00' },
      agenda.as.secretary,
    );
    expect(data!.editOpeningRange.outsideAppointments).toHaveLength(3);

    const kept = await decide({ appointmentId: keep, decision: 'KEEP' }, agenda.as.secretary);
    expect(kept.data?.decideAppointmentOutsideOpeningRanges).toMatchObject({ appointmentId: keep, decision: 'KEPT' });

    const moved = await decide(
      { appointmentId: move, decision: 'MOVE', startsAt: siteTime(agenda, 3, '11:00') },
      agenda.as.secretary,
    );
    expect(moved.data?.decideAppointmentOutsideOpeningRanges).toMatchObject({
      appointmentId: move,
      decision: 'MOVED',
      startsAt: iso(agenda, 3, '11:00'),
      status: 'BOOKED',
    });
    expect(
      (await scheduling.events('scheduling.appointment.rescheduled.v1')).filter((e) => e.appointmentId === move),
    ).toEqual([
      expect.objectContaining({ previousStartsAt: iso(agenda, 3, '16:40'), startsAt: iso(agenda, 3, '11:00') }),
    ]);

    // A move must land inside the ranges, as any staff move: refused, and still to decide.
    const refusedMove = await decide(
      { appointmentId: cancel, decision: 'MOVE', startsAt: siteTime(agenda, 4, '16:00') },
      agenda.as.secretary,
    );
    expect(refusedMove.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsAt' });
    expect((await outside(agenda)).map((a) => a.appointmentId)).toEqual([cancel]);

    const cancelled = await decide(
      { appointmentId: cancel, decision: 'CANCEL', reason: 'PRACTITIONER_ABSENT' },
      agenda.as.secretary,
    );
    expect(cancelled.data?.decideAppointmentOutsideOpeningRanges).toMatchObject({
      decision: 'CANCELLED',
      status: 'CANCELLED',
    });
    expect(
      (await scheduling.events('scheduling.appointment.cancelled.v1')).filter((e) => e.appointmentId === cancel),
    ).toEqual([expect.objectContaining({ reason: 'practitioner_absent', cancelledBy: 'staff' })]);

    expect(await outside(agenda)).toEqual([]);
    expect(await statuses([keep])).toEqual(['booked']);
    const again = await decide({ appointmentId: keep, decision: 'CANCEL', reason: 'OTHER' }, agenda.as.secretary);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.appointmentId' });

    // A later change leaves the kept one where staff agreed it stays: not listed again.
    const replacement = await latestRange(agenda);
    const later = await editRange(
      { openingRangeId: replacement.id, version: replacement.version, from: date(agenda, 3), endTime: '14:00' },
      agenda.as.secretary,
    );
    expect(later.errors).toBeUndefined();
    expect(later.data?.editOpeningRange.outsideAppointments.map((a) => a.appointmentId)).not.toContain(keep);
    expect(await statuses([keep])).toEqual(['booked']);
  });

  async function latestRange(agenda: SeededAgenda): Promise<Range> {
    const { openingRanges } = await scheduling.ok<{ openingRanges: Range[] }>(
      RANGES,
      { structureId: agenda.structureId, practitionerId: agenda.gpId },
      agenda.as.secretary,
    );
    return openingRanges[openingRanges.length - 1];
  }

  it('a range ended before its first day is withdrawn: the row goes and the event removes it from its first day', async () => {
    const agenda = await seedAgenda(scheduling);
    const defined = await scheduling.ok<{ defineOpeningRange: { id: string } }>(
      DEFINE_RANGE,
      {
        input: {
          practitionerId: agenda.gpId,
          siteId: agenda.siteId,
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          startTime: '19:00',
          endTime: '21:00',
          validFrom: date(agenda, 10),
        },
      },
      agenda.as.secretary,
    );
    const id = defined.defineOpeningRange.id;
    const { data } = await endRange({ openingRangeId: id, version: 1, from: date(agenda, 8) }, agenda.as.secretary);
    expect(data?.endOpeningRange).toEqual({ range: null, replacement: null, outsideAppointments: [] });
    expect(await scheduling.sql(`select id from opening_range where id = $1`, [id])).toEqual([]);
    expect((await rangeEvents(id)).at(-1)).toMatchObject({ change: 'removed', removedFrom: date(agenda, 10) });
  });

  it('an archived motif is no longer offered to staff, online or the virtual secretary, nor by a new range; its appointments stay intact and readable', async () => {
    const agenda = await seedAgenda(scheduling);
    const [motifId] = agenda.longMotifIds;
    const booked = await book(agenda, 3, '09:00', { motifId });

    const archived = await scheduling.gql<{ archiveMotif: MotifRow }>(
      ARCHIVE_MOTIF,
      { input: { motifId, version: 1 } },
      agenda.as.coordinator,
    );
    expect(archived.data?.archiveMotif).toMatchObject({ id: motifId, version: 2, archivedAt: expect.any(String) });

    expect((await tryBook(agenda, 4, '09:00', motifId)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.motifId',
    });
    for (const audience of ['STAFF', 'ONLINE', 'VIRTUAL_SECRETARY']) {
      const search = await freeSlotsOn(agenda, 4, { motifId, audience });
      expect(search.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.motifId' });
    }
    // The public booking page lists it no more and offers no slot of it; the virtual secretary's API neither.
    const publicMotifs = await publicCall<{ motifs: Array<{ id: string }> }>(
      scheduling.publicUrl,
      'GET',
      `/public/${agenda.structureId}/motifs`,
    );
    expect(publicMotifs.body.motifs.map((m) => m.id)).toEqual(expect.arrayContaining([agenda.motifId]));
    expect(publicMotifs.body.motifs.map((m) => m.id)).not.toContain(motifId);
    const day = date(agenda, 4);
    const publicSlots = await publicCall(
      scheduling.publicUrl,
      'GET',
      `/public/${agenda.structureId}/slots?motifId=${motifId}&from=${day}&to=${day}`,
    );
    expect(publicSlots.status).toBe(400);
    const secretary = new InternalHttpClient({
      caller: 'call-routing',
      target: 'scheduling',
      baseUrl: scheduling.url,
      privateKey: testServicePrivateKey('call-routing'),
      timeoutMs: 5_000,
    });
    await expect(
      secretary.post('/internal/agenda/free-slots', { motifId, from: day, to: day, practitionerIds: [agenda.gpId] }),
    ).rejects.toMatchObject({ status: 400 });
    const listed = (includeArchived: boolean) =>
      scheduling
        .ok<{ motifs: MotifRow[] }>(MOTIFS, { structureId: agenda.structureId, includeArchived }, agenda.as.secretary)
        .then((r) => r.motifs.map((m) => m.id));
    expect(await listed(false)).not.toContain(motifId);
    expect(await listed(true)).toContain(motifId);
    // Nor may a new opening range offer it.
    const offering = await scheduling.gql(
      DEFINE_RANGE,
      {
        input: {
          practitionerId: agenda.gpId,
          siteId: agenda.siteId,
          weekdays: [6],
          startTime: '08:00',
          endTime: '10:00',
          validFrom: date(agenda, 4),
          motifIds: [motifId],
        },
      },
      agenda.as.secretary,
    );
    expect(offering.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.motifIds[0]' });

    const { appointment } = await scheduling.ok<{ appointment: { motifId: string; status: string; endsAt: string } }>(
      APPOINTMENT,
      { id: booked },
      agenda.as.secretary,
    );
    expect(appointment).toMatchObject({ motifId, status: 'BOOKED', endsAt: iso(agenda, 3, '09:30') });
    // Its appointment may still be moved: it was booked before the motif was archived.
    const moved = await scheduling.gql(
      RESCHEDULE,
      { input: { appointmentId: booked, startsAt: siteTime(agenda, 3, '11:00') } },
      agenda.as.secretary,
    );
    expect(moved.errors).toBeUndefined();
  });

  it("editing a motif's duration changes bookings to come, never those booked", async () => {
    const agenda = await seedAgenda(scheduling);
    const booked = await book(agenda, 3, '09:00');
    const edited = await scheduling.gql<{ editMotif: MotifRow }>(
      EDIT_MOTIF,
      { input: { motifId: agenda.motifId, version: 1, durationMinutes: 40, label: 'Consultation longue' } },
      agenda.as.administrator,
    );
    expect(edited.data?.editMotif).toMatchObject({ durationMinutes: 40, label: 'Consultation longue', version: 2 });

    const { appointment } = await scheduling.ok<{ appointment: { startsAt: string; endsAt: string } }>(
      APPOINTMENT,
      { id: booked },
      agenda.as.secretary,
    );
    expect(appointment).toEqual(
      expect.objectContaining({ startsAt: iso(agenda, 3, '09:00'), endsAt: iso(agenda, 3, '09:20') }),
    );
    // Its old end is still free for the next patient; a new booking lasts the new duration.
    const next = await scheduling.ok<{ bookAppointment: { endsAt: string } }>(
      BOOK,
      {
        input: {
          practitionerId: agenda.gpId,
          siteId: agenda.siteId,
          motifId: agenda.motifId,
          patientId: randomUUID(),
          startsAt: siteTime(agenda, 3, '09:20'),
        },
      },
      agenda.as.secretary,
    );
    expect(next.bookAppointment.endsAt).toBe(iso(agenda, 3, '10:00'));
  });

  it('who may: range changes as for defining ranges, motif changes as for creating motifs; other structures see nothing', async () => {
    const agenda = await seedAgenda(scheduling);
    const stranger = await seedAgenda(scheduling);
    const range = await rangeOf(agenda);
    const end = (user: UserContext) =>
      endRange({ openingRangeId: range.id, version: range.version, from: date(agenda, 20) }, user);
    const colleague: UserContext = {
      memberId: agenda.colleagueId,
      memberships: [{ structureId: agenda.structureId, roles: ['practitioner'], siteIds: [agenda.siteId] }],
    };
    for (const user of [colleague, agenda.as.medical_assistant, agenda.as.coordinator])
      expect((await end(user)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await end(stranger.as.secretary)).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.openingRangeId',
    });
    expect((await rangeOf(agenda)).validUntil).toBeNull();
    // The practitioner manages their own agenda.
    expect((await end(agenda.as.practitioner)).errors).toBeUndefined();

    const editMotif = (user: UserContext) =>
      scheduling.gql(EDIT_MOTIF, { input: { motifId: agenda.motifId, version: 1, label: 'Autre' } }, user);
    for (const user of [agenda.as.secretary, agenda.as.practitioner])
      expect((await editMotif(user)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await editMotif(stranger.as.administrator)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const archive = (user: UserContext) =>
      scheduling.gql(ARCHIVE_MOTIF, { input: { motifId: agenda.motifId, version: 1 } }, user);
    expect((await archive(agenda.as.secretary)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await editMotif(agenda.as.coordinator)).errors).toBeUndefined();

    // Keeping an appointment outside the ranges is a decision about the agenda: as for changing the ranges.
    const late = await book(agenda, 3, '17:00');
    const current = await latestRange(agenda);
    await editRange(
      { openingRangeId: current.id, version: current.version, from: date(agenda, 3), endTime: '16:00' },
      agenda.as.secretary,
    );
    const keep = (user: UserContext) => decide({ appointmentId: late, decision: 'KEEP' }, user);
    expect((await keep(agenda.as.medical_assistant)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await keep(stranger.as.secretary)).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.appointmentId',
    });
    expect((await keep(agenda.as.practitioner)).errors).toBeUndefined();
  });

  it.each([
    ['a day that is not a date', { from: 'demain' }, 'input.from'],
    ['a day already past', { from: 'YESTERDAY' }, 'input.from'],
    ['an hour that is not HH:mm', { startTime: '25:00' }, 'input.startTime'],
    ['an end before the start', { startTime: '14:00', endTime: '10:00' }, 'input.endTime'],
    ['a version that is not one', { version: 0 }, 'input.version'],
    ['a motif of no structure', { motifIds: ['5c4b3a29-1807-4f6e-9d5c-4b3a29180706'] }, 'input.motifIds[0]'],
    ['both days and a rule', { weekdays: [1], recurrence: 'FREQ=WEEKLY;BYDAY=MO' }, 'input.recurrence'],
    ['nothing to change', {}, 'input'],
  ])('refuses %s, naming the field, and changes nothing', async (_label, change, field) => {
    const agenda = await seedAgenda(scheduling);
    const range = await rangeOf(agenda);
    const input = {
      openingRangeId: range.id,
      version: range.version,
      from: date(agenda, 3),
      ...change,
      ...((change as { from?: string }).from === 'YESTERDAY' ? { from: date(agenda, -1) } : {}),
    };
    const { errors } = await editRange(input, agenda.as.secretary);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await rangeOf(agenda)).toEqual(range);
  });

  it('refuses bad decisions and motif edits, naming the field', async () => {
    const agenda = await seedAgenda(scheduling);
    const appointment = await book(agenda, 3, '17:00');
    const range = await rangeOf(agenda);
    await editRange(
      { openingRangeId: range.id, version: range.version, from: date(agenda, 3), endTime: '16:00' },
      agenda.as.secretary,
    );
    const refusedDecision = async (input: Record<string, unknown>, field: string, code = 'BAD_USER_INPUT') =>
      expect((await decide(input, agenda.as.secretary)).errors?.[0].extensions).toMatchObject({ code, field });
    await refusedDecision({ appointmentId: appointment, decision: 'MOVE' }, 'input.startsAt');
    await refusedDecision({ appointmentId: appointment, decision: 'CANCEL' }, 'input.reason');
    await refusedDecision({ appointmentId: 'rdv-1', decision: 'KEEP' }, 'input.appointmentId');
    await refusedDecision({ appointmentId: randomUUID(), decision: 'KEEP' }, 'input.appointmentId', 'NOT_FOUND');
    expect((await outside(agenda)).map((a) => a.appointmentId)).toEqual([appointment]);

    const refusedEdit = async (change: Record<string, unknown>, field: string) =>
      expect(
        (
          await scheduling.gql(
            EDIT_MOTIF,
            { input: { motifId: agenda.motifId, version: 1, ...change } },
            agenda.as.administrator,
          )
        ).errors?.[0].extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field });
    await refusedEdit({ durationMinutes: 0 }, 'input.durationMinutes');
    await refusedEdit({ label: '  ' }, 'input.label');
    await refusedEdit({ bufferAfterMinutes: 500 }, 'input.bufferAfterMinutes');
    await refusedEdit({}, 'input');
  });

  it('two edits of the same range at once: one wins, the other is refused as stale, and the range is continued once', async () => {
    const agenda = await seedAgenda(scheduling);
    const range = await rangeOf(agenda);
    const edit = (startTime: string) =>
      editRange(
        { openingRangeId: range.id, version: range.version, from: date(agenda, 3), startTime },
        agenda.as.secretary,
      );
    const results = await Promise.all([edit('09:00'), edit('10:00')]);
    expect(results.filter((r) => r.data?.editOpeningRange).length).toBe(1);
    const [refused] = results.filter((r) => r.errors);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SCHEDULING.STALE_VERSION',
      field: 'input.version',
    });
    const rows = await scheduling.sql<{ id: string }>(`select id from opening_range where replaces = $1`, [range.id]);
    expect(rows).toHaveLength(1);

    const archive = () =>
      scheduling.gql(ARCHIVE_MOTIF, { input: { motifId: agenda.motifId, version: 1 } }, agenda.as.administrator);
    const edit2 = () =>
      scheduling.gql(
        EDIT_MOTIF,
        { input: { motifId: agenda.motifId, version: 1, durationMinutes: 25 } },
        agenda.as.administrator,
      );
    const motifResults: GraphQLResult<unknown>[] = await Promise.all([archive(), edit2()]);
    expect(motifResults.filter((r) => !r.errors).length).toBe(1);
    expect(motifResults.find((r) => r.errors)?.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SCHEDULING.STALE_VERSION',
    });
  });
});
