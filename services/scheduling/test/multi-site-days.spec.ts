import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Role, UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryProjection } from '../src/application/projections/directory-projection';
import { RESCHEDULE } from './fixtures/agenda-operations';
import { CREATE_MOTIF, DEFINE_RANGE, FREE_SLOTS } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';

const ZONE = 'Europe/Paris';
const EDIT_RANGE = `mutation($input: EditOpeningRangeInput!) { editOpeningRange(input: $input) { range { id } } }`;
/** A Monday; the days below are that week, and Sunday 28 March 2027 is when Paris moves to summer time. */
const NOW = new Date('2027-03-22T07:00:00Z');

const BOOK_WITH_ROOM = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id roomId startsAt } }`;
const SET_TRAVEL = `mutation($input: SetSiteTravelTimeInput!) { setSiteTravelTime(input: $input) { siteId otherSiteId minutes } }`;
const TRAVEL_TIMES = `query($structureId: ID!) { siteTravelTimes(structureId: $structureId) { siteId otherSiteId minutes } }`;
const CREATE_ROOM = `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id kind equipment archivedAt } }`;
const ARCHIVE_ROOM = `mutation($roomId: ID!) { archiveRoom(roomId: $roomId) { id archivedAt } }`;
const ROOMS = `query($siteId: ID!, $all: Boolean) { rooms(siteId: $siteId, includeArchived: $all) { id label } }`;
const SET_REQUIREMENT = `mutation($input: SetMotifRoomRequirementInput!) { setMotifRoomRequirement(input: $input) { motifId roomKind equipment } }`;

interface Slot {
  practitionerId: string;
  siteId: string;
  startsAt: string;
}

/** An instant at a wall time of the sites' zone. */
const at = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: ZONE }).toISO() as string;
const wall = (instant: string) => DateTime.fromISO(instant, { zone: ZONE }).toFormat('HH:mm');

describe('multi-site days (SCH-11): travel between sites, rooms, ranges across sites', () => {
  let scheduling: SchedulingTestApp;
  const structureId = randomUUID();
  const siteA = randomUUID();
  const siteB = randomUUID();
  const gp = randomUUID();
  const gp2 = randomUUID();
  const gp3 = randomUUID();
  const secretaryId = randomUUID();
  const adminId = randomUUID();
  const patientId = randomUUID();
  let motifId: string;
  let echoMotifId: string;
  const user = (memberId: string, role: Role, siteIds: string[]): UserContext => ({
    memberId,
    memberships: [{ structureId, roles: [role], siteIds }],
  });
  const secretary = user(secretaryId, 'secretary', [siteA, siteB]);
  const admin = user(adminId, 'administrator', []);

  const defineRange = (
    practitionerId: string,
    siteId: string,
    startTime: string,
    endTime: string,
    weekdays = [1, 2, 3, 4, 5, 6, 7],
  ) =>
    scheduling.gql(
      DEFINE_RANGE,
      { input: { practitionerId, siteId, weekdays, startTime, endTime, validFrom: '2027-03-01' } },
      secretary,
    );
  const book = (practitionerId: string, siteId: string, startsAt: string, extra: Record<string, unknown> = {}) =>
    scheduling.gql<{ bookAppointment: { id: string; roomId: string | null; startsAt: string } }>(
      BOOK_WITH_ROOM,
      { input: { practitionerId, siteId, motifId, patientId, startsAt, ...extra } },
      secretary,
    );
  const slots = async (date: string, siteIds: string[], practitionerIds: string[], motif = motifId) =>
    (
      await scheduling.ok<{ freeSlots: Slot[] }>(
        FREE_SLOTS,
        { input: { motifId: motif, from: date, to: date, siteIds, practitionerIds } },
        secretary,
      )
    ).freeSlots;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_multi_site_days');
    jest.spyOn(scheduling.get(Clock), 'now').mockReturnValue(NOW);
    const projection = scheduling.get(DirectoryProjection);
    await scheduling.get(TransactionRunner).run(async () => {
      for (const siteId of [siteA, siteB]) await projection.upsertSite({ siteId, structureId, timeZone: ZONE });
      const members: Array<[string, Role, string]> = [
        [gp, 'practitioner', 'general_practitioner'],
        [gp2, 'practitioner', 'general_practitioner'],
        [gp3, 'practitioner', 'general_practitioner'],
        [secretaryId, 'secretary', 'medical_secretary'],
        [adminId, 'administrator', 'practice_manager'],
      ];
      for (const [memberId, role, profession] of members)
        await projection.upsertMember({
          memberId,
          structureId,
          profession,
          roles: [role],
          siteIds: role === 'administrator' ? [] : [siteA, siteB],
        });
    });
    const motif = async (label: string) =>
      (
        await scheduling.ok<{ createMotif: { id: string } }>(
          CREATE_MOTIF,
          {
            input: {
              structureId,
              label,
              durationMinutes: 30,
              channel: 'CABINET',
              bookableBy: ['STAFF', 'ONLINE'],
              newPatientsAllowed: true,
            },
          },
          admin,
        )
      ).createMotif.id;
    motifId = await motif('Consultation');
    echoMotifId = await motif('Échographie');
    // The GP works at A until 12:30 and at B from 12:45, every day; a colleague all day at A.
    for (const result of [
      await defineRange(gp, siteA, '08:00', '12:30'),
      await defineRange(gp, siteB, '12:45', '18:00'),
      await defineRange(gp2, siteA, '08:00', '18:00'),
    ])
      expect(result.errors).toBeUndefined();
    await scheduling.ok(SET_TRAVEL, { input: { siteId: siteB, otherSiteId: siteA, minutes: 45 } }, admin);
  });

  afterAll(() => scheduling?.stop());

  describe('travel between sites', () => {
    it('is set by administrators only, once per pair whichever way it is given', async () => {
      const refused = await scheduling.gql(
        SET_TRAVEL,
        { input: { siteId: siteA, otherSiteId: siteB, minutes: 10 } },
        secretary,
      );
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
      const tooLong = await scheduling.gql(
        SET_TRAVEL,
        { input: { siteId: siteA, otherSiteId: siteB, minutes: 600 } },
        admin,
      );
      expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.minutes' });
      const { siteTravelTimes } = await scheduling.ok<{ siteTravelTimes: Array<{ minutes: number }> }>(
        TRAVEL_TIMES,
        { structureId },
        secretary,
      );
      expect(siteTravelTimes).toEqual([expect.objectContaining({ minutes: 45 })]);
    });

    it("B's first slot is 13:15 after an appointment at A ending 12:30, and 12:45 when the last one at A ends 11:30", async () => {
      expect((await book(gp, siteA, at('2027-03-23', '12:00'))).errors).toBeUndefined();
      const tuesday = await slots('2027-03-23', [siteB], [gp]);
      expect(wall(tuesday[0].startsAt)).toBe('13:15');
      expect(tuesday[0].siteId).toBe(siteB);

      expect((await book(gp, siteA, at('2027-03-24', '11:00'))).errors).toBeUndefined();
      const wednesday = await slots('2027-03-24', [siteB], [gp]);
      expect(wall(wednesday[0].startsAt)).toBe('12:45');
    });

    it('a booking at B inside the travel after A is refused with the reason; at the first time free it is taken', async () => {
      const refused = await book(gp, siteB, at('2027-03-23', '12:45'));
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'SCHEDULING.TRAVEL_TIME_NOT_KEPT',
        field: 'input.startsAt',
      });
      expect(refused.errors?.[0].message).toMatch(/45 minutes of travel.*12:00 to 12:30.*earliest start here is 13:15/);
      const taken = await book(gp, siteB, at('2027-03-23', '13:15'));
      expect(taken.errors).toBeUndefined();
    });

    it('a booking at A that leaves less than the travel before an appointment at B is refused; A offers up to 11:30', async () => {
      expect((await book(gp, siteB, at('2027-03-25', '13:00'))).errors).toBeUndefined();
      const refused = await book(gp, siteA, at('2027-03-25', '12:00'));
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'SCHEDULING.TRAVEL_TIME_NOT_KEPT',
      });
      expect(refused.errors?.[0].message).toMatch(/latest end here is 12:15/);
      const atA = await slots('2027-03-25', [siteA], [gp]);
      expect(wall(atA[atA.length - 1].startsAt)).toBe('11:30');
      expect((await book(gp, siteA, at('2027-03-25', '11:30'))).errors).toBeUndefined();
    });

    it('on the day Paris moves to summer time, the travel still counts in real minutes from the wall times', async () => {
      expect((await book(gp, siteA, at('2027-03-28', '12:00'))).errors).toBeUndefined();
      const sunday = await slots('2027-03-28', [siteB], [gp]);
      expect(sunday[0].startsAt).toBe(new Date('2027-03-28T11:15:00Z').toISOString()); // 13:15 at UTC+2
      expect(wall(sunday[0].startsAt)).toBe('13:15');
    });
    it('a move is checked like a booking, without the appointment standing in its own way', async () => {
      const first = await book(gp, siteA, at('2027-03-29', '12:00'));
      const firstId = first.data?.bookAppointment.id as string;
      // Its old time at A would leave no travel before 12:45 at B, but that time is the one being left.
      const moved = await scheduling.gql(
        RESCHEDULE,
        { input: { appointmentId: firstId, siteId: siteB, startsAt: at('2027-03-29', '12:45') } },
        secretary,
      );
      expect(moved.errors).toBeUndefined();
      const second = await book(gp, siteA, at('2027-03-29', '11:30'));
      expect(second.errors).toBeUndefined();
      const refused = await scheduling.gql(
        RESCHEDULE,
        { input: { appointmentId: second.data?.bookAppointment.id, startsAt: at('2027-03-29', '12:00') } },
        secretary,
      );
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'SCHEDULING.TRAVEL_TIME_NOT_KEPT',
        field: 'input.startsAt',
      });
    });
  });

  describe('rooms', () => {
    let echoRoom: string;
    let officeRoom: string;
    let secondEchoRoom: string;

    beforeAll(async () => {
      const room = async (label: string, kind: string, equipment: string[]) =>
        (
          await scheduling.ok<{ createRoom: { id: string } }>(
            CREATE_ROOM,
            { input: { siteId: siteA, label, kind, equipment } },
            admin,
          )
        ).createRoom.id;
      echoRoom = await room('Salle écho', 'Echographie', ['echographe']);
      officeRoom = await room('Bureau 2', 'consultation', []);
      await scheduling.ok(
        SET_REQUIREMENT,
        { input: { motifId: echoMotifId, roomKind: 'echographie', equipment: ['Echographe'] } },
        admin,
      );
    });

    it('only administrators create rooms; kinds and equipment are compared as lower-case tags', async () => {
      const refused = await scheduling.gql(
        CREATE_ROOM,
        { input: { siteId: siteA, label: 'X', kind: 'consultation' } },
        secretary,
      );
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
      const { rooms } = await scheduling.ok<{ rooms: Array<{ id: string }> }>(ROOMS, { siteId: siteA }, secretary);
      expect(rooms.map((r) => r.id)).toEqual([officeRoom, echoRoom]); // by label: Bureau 2, Salle écho
    });

    it('two bookings of one room at the same time, for two practitioners: one wins, the other gets CONFLICT', async () => {
      const startsAt = at('2027-03-26', '09:00');
      const results = await Promise.all(
        [gp, gp2].map((practitionerId) =>
          book(practitionerId, siteA, startsAt, { motifId: echoMotifId, roomId: echoRoom }),
        ),
      );
      const winners = results.filter((r) => !r.errors);
      const losers = results.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0].errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'SCHEDULING.ROOM_TAKEN',
        field: 'input.roomId',
      });
      const live = await scheduling.sql(`select id from appointment where room_id = $1 and status <> 'cancelled'`, [
        echoRoom,
      ]);
      expect(live).toHaveLength(1);
    });

    it('a motif needing a room is offered only while a suitable room is free, and gets that room when booked', async () => {
      const friday = await slots('2027-03-26', [siteA], [gp, gp2], echoMotifId);
      // The echography room is taken at 09:00 (previous test): nobody is offered 09:00, both are offered 09:30.
      expect(friday.filter((s) => wall(s.startsAt) === '09:00')).toEqual([]);
      expect(friday.filter((s) => wall(s.startsAt) === '09:30')).toHaveLength(2);
      const booked = await book(gp2, siteA, at('2027-03-26', '09:30'), { motifId: echoMotifId });
      expect(booked.data?.bookAppointment.roomId).toBe(echoRoom);
      const unsuitable = await book(gp2, siteA, at('2027-03-26', '10:00'), {
        motifId: echoMotifId,
        roomId: officeRoom,
      });
      expect(unsuitable.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roomId' });
      // A motif that needs no room may still be given one by the desk.
      const withOffice = await book(gp2, siteA, at('2027-03-26', '10:00'), { roomId: officeRoom });
      expect(withOffice.data?.bookAppointment.roomId).toBe(officeRoom);
    });

    it('two bookings at once of a motif needing a room, with two such rooms free: both get one, each its own', async () => {
      secondEchoRoom = (
        await scheduling.ok<{ createRoom: { id: string } }>(
          CREATE_ROOM,
          { input: { siteId: siteA, label: 'Salle écho 2', kind: 'echographie', equipment: ['echographe'] } },
          admin,
        )
      ).createRoom.id;
      const startsAt = at('2027-03-26', '11:00');
      const results = await Promise.all(
        [gp, gp2].map((practitionerId) => book(practitionerId, siteA, startsAt, { motifId: echoMotifId })),
      );
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
      expect(new Set(results.map((r) => r.data?.bookAppointment.roomId))).toEqual(new Set([echoRoom, secondEchoRoom]));
      // Both rooms taken: a third practitioner's booking then is told no suitable room is free.
      expect((await defineRange(gp3, siteA, '10:00', '12:00', [5])).errors).toBeUndefined();
      const third = await book(gp3, siteA, startsAt, { motifId: echoMotifId });
      expect(third.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SCHEDULING.ROOM_TAKEN' });
    });

    it('an archived room is not offered nor booked any more, and is listed only when asked', async () => {
      await scheduling.ok(ARCHIVE_ROOM, { roomId: echoRoom }, admin);
      await scheduling.ok(ARCHIVE_ROOM, { roomId: secondEchoRoom }, admin);
      expect(await slots('2027-03-29', [siteA], [gp, gp2], echoMotifId)).toEqual([]);
      const refused = await book(gp2, siteA, at('2027-03-29', '09:00'), { motifId: echoMotifId });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.motifId' });
      const { rooms } = await scheduling.ok<{ rooms: Array<{ id: string }> }>(ROOMS, { siteId: siteA }, secretary);
      expect(rooms.map((r) => r.id)).toEqual([officeRoom]);
      const all = await scheduling.ok<{ rooms: Array<{ id: string }> }>(ROOMS, { siteId: siteA, all: true }, secretary);
      expect(all.rooms).toHaveLength(3);
    });
  });

  describe('opening ranges across sites', () => {
    it("a practitioner's ranges overlapping at two sites are refused, naming the field and the range in the way", async () => {
      const first = await scheduling.ok<{ defineOpeningRange: { id: string } }>(
        DEFINE_RANGE,
        {
          input: {
            practitionerId: gp3,
            siteId: siteA,
            weekdays: [1],
            startTime: '08:00',
            endTime: '12:00',
            validFrom: '2027-03-01',
          },
        },
        secretary,
      );
      const rangeA = first.defineOpeningRange.id;
      const startsInside = await defineRange(gp3, siteB, '11:00', '14:00', [1]);
      expect(startsInside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startTime' });
      expect(startsInside.errors?.[0].message).toContain(rangeA);
      expect(startsInside.errors?.[0].message).toMatch(/08:00–12:00/);
      const endsInside = await defineRange(gp3, siteB, '07:00', '08:30', [1]);
      expect(endsInside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endTime' });
      const ranges = await scheduling.sql(`select id from opening_range where practitioner_id = $1`, [gp3]);
      expect(ranges).toHaveLength(2); // the Monday range at A, and the Friday one of the rooms' test
    });

    it('ranges that only touch (12:00 ends before 12:00 starts) or fall on other days are accepted', async () => {
      expect((await defineRange(gp3, siteB, '12:00', '14:00', [1])).errors).toBeUndefined();
      expect((await defineRange(gp3, siteB, '08:00', '12:00', [2])).errors).toBeUndefined();
    });

    it("an edit that would bring a range onto the practitioner's hours at another site is refused, and nothing changes", async () => {
      // Tuesdays: 08:00–12:00 at B (the test above); 13:00–15:00 at A, then widened to start at 10:00.
      const defined = await scheduling.ok<{ defineOpeningRange: { id: string } }>(
        DEFINE_RANGE,
        {
          input: {
            practitionerId: gp3,
            siteId: siteA,
            weekdays: [2],
            startTime: '13:00',
            endTime: '15:00',
            validFrom: '2027-03-01',
          },
        },
        secretary,
      );
      const id = defined.defineOpeningRange.id;
      const edited = await scheduling.gql(
        EDIT_RANGE,
        { input: { openingRangeId: id, version: 1, from: '2027-03-23', startTime: '10:00', endTime: '15:00' } },
        secretary,
      );
      expect(edited.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startTime' });
      expect(
        await scheduling.sql(`select start_time, valid_until from opening_range where id = $1 or replaces = $1`, [id]),
      ).toEqual([{ start_time: '13:00', valid_until: null }]);
    });

    it('two overlapping ranges defined at once at two sites: one is refused', async () => {
      const practitioner = gp3;
      const results = await Promise.all([
        defineRange(practitioner, siteA, '15:00', '17:00', [3]),
        defineRange(practitioner, siteB, '16:00', '18:00', [3]),
      ]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0].extensions?.code === 'BAD_USER_INPUT')).toHaveLength(1);
    });
  });

  it("another structure's administrator finds none of this structure's sites, rooms or motifs, and nothing is written", async () => {
    const elsewhere = randomUUID();
    const theirSite = randomUUID();
    await scheduling
      .get(TransactionRunner)
      .run(() =>
        scheduling.get(DirectoryProjection).upsertSite({ siteId: theirSite, structureId: elsewhere, timeZone: ZONE }),
      );
    const outsider: UserContext = {
      memberId: randomUUID(),
      memberships: [{ structureId: elsewhere, roles: ['administrator'], siteIds: [] }],
    };
    const [room] = (await scheduling.ok<{ rooms: Array<{ id: string }> }>(ROOMS, { siteId: siteA }, secretary)).rooms;
    const attempts: Array<[string, Record<string, unknown>, string]> = [
      [CREATE_ROOM, { input: { siteId: siteA, label: 'Intruse', kind: 'consultation' } }, 'input.siteId'],
      [SET_TRAVEL, { input: { siteId: siteA, otherSiteId: theirSite, minutes: 5 } }, 'input.siteId'],
      [SET_TRAVEL, { input: { siteId: theirSite, otherSiteId: siteA, minutes: 5 } }, 'input.otherSiteId'],
      [ARCHIVE_ROOM, { roomId: room.id }, 'roomId'],
      [SET_REQUIREMENT, { input: { motifId, roomKind: 'consultation' } }, 'input.motifId'],
      [ROOMS, { siteId: siteA }, 'siteId'],
    ];
    for (const [operation, variables, field] of attempts) {
      const result = await scheduling.gql(operation, variables, outsider);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field });
    }
    expect(await scheduling.sql(`select 1 from room where structure_id = $1`, [elsewhere])).toEqual([]);
    expect(await scheduling.sql(`select 1 from site_travel_time where $1 in (site_a, site_b)`, [theirSite])).toEqual(
      [],
    );
    expect(await scheduling.sql(`select 1 from motif_room_requirement where motif_id = $1`, [motifId])).toEqual([]);
  });
});
