import { randomUUID } from 'node:crypto';
import { expectEventually } from '@msp/testing';
import { HoldSweeper } from '../src/application/booking/hold-sweeper';
import { BOOK, CANCEL } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

const JOIN = `mutation($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { id status } }`;
const WAITLIST = `query($s: ID!) { waitlist(structureId: $s) { id patientId status offer { id holdId startsAt expiresAt } } }`;
const ACCEPT = `mutation($id: ID!) { acceptWaitlistOffer(offerId: $id) { id status patientId startsAt } }`;
const DECLINE = `mutation($id: ID!) { declineWaitlistOffer(offerId: $id) { id status } }`;

interface Entry {
  id: string;
  patientId: string;
  status: string;
  offer: { id: string; holdId: string; startsAt: string; expiresAt: string } | null;
}

describe('waitlist: a freed slot is offered to waiting patients first (SCH-9)', () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_waitlist', { WAITLIST_OFFER_MINUTES: '60' });
  });

  // A structure of its own for each test: its waitlist starts empty.
  beforeEach(async () => {
    agenda = await seedAgenda(scheduling);
  });

  afterAll(() => scheduling?.stop());

  const join = async (patientId: string, target: Record<string, unknown>, beforeDay = 20) =>
    (
      await scheduling.ok<{ joinWaitlist: { id: string } }>(
        JOIN,
        {
          input: {
            structureId: agenda.structureId,
            patientId,
            motifId: agenda.motifId,
            before: siteTime(agenda, beforeDay, '12:00').slice(0, 10),
            ...target,
          },
        },
        agenda.as.secretary,
      )
    ).joinWaitlist.id;
  const book = async (patientId: string, startsAt: string) =>
    (
      await scheduling.ok<{ bookAppointment: { id: string } }>(
        BOOK,
        { input: { practitionerId: agenda.gpId, siteId: agenda.siteId, motifId: agenda.motifId, patientId, startsAt } },
        agenda.as.secretary,
      )
    ).bookAppointment.id;
  const cancel = (appointmentId: string) =>
    scheduling.ok(
      CANCEL,
      { input: { appointmentId, reason: 'PATIENT_REQUEST', cancelledBy: 'PATIENT' } },
      agenda.as.secretary,
    );
  const entries = async () =>
    (await scheduling.ok<{ waitlist: Entry[] }>(WAITLIST, { s: agenda.structureId }, agenda.as.secretary)).waitlist;
  const entry = async (id: string) => (await entries()).find((e) => e.id === id);
  const offered = (id: string) =>
    expectEventually(async () => {
      const found = await entry(id);
      expect(found?.offer).not.toBeNull();
      return found as Entry & { offer: NonNullable<Entry['offer']> };
    });

  it('cancel → the first waiting patient gets the offer, held in their name; unanswered, it goes to the next; accepted, it is their appointment', async () => {
    const [first, second, leaving] = [randomUUID(), randomUUID(), randomUUID()];
    const firstEntry = await join(first, { practitionerId: agenda.gpId });
    const secondEntry = await join(second, { profession: 'general_practitioner' });
    const startsAt = siteTime(agenda, 6, '09:00');
    await cancel(await book(leaving, startsAt));

    const firstOffer = (await offered(firstEntry)).offer;
    expect(firstOffer.startsAt).toBe(new Date(startsAt).toISOString());
    expect((await entry(secondEntry))?.offer).toBeNull();
    const made = (await scheduling.events('scheduling.waitlist.offer-made.v1')).find(
      (e) => e.offerId === firstOffer.id,
    );
    expect(made).toMatchObject({
      waitlistEntryId: firstEntry,
      patientId: first,
      holdId: firstOffer.holdId,
      practitionerId: agenda.gpId,
      startsAt: new Date(startsAt).toISOString(),
    });
    const [hold] = await scheduling.sql<{ status: string; patient_id: string }>(
      `select status, patient_id from appointment where id = $1`,
      [firstOffer.holdId],
    );
    expect(hold).toEqual({ status: 'held', patient_id: first });
    const taken = await scheduling.gql(
      BOOK,
      {
        input: {
          practitionerId: agenda.gpId,
          siteId: agenda.siteId,
          motifId: agenda.motifId,
          patientId: randomUUID(),
          startsAt,
        },
      },
      agenda.as.secretary,
    );
    expect(taken.errors?.[0].extensions?.reason).toBe('SCHEDULING.SLOT_TAKEN');

    await scheduling.sql(`update appointment set hold_expires_at = now() - interval '1 second' where id = $1`, [
      firstOffer.holdId,
    ]);
    await scheduling.get(HoldSweeper).sweep();
    const secondOffer = (await offered(secondEntry)).offer;
    expect(secondOffer.startsAt).toBe(new Date(startsAt).toISOString());
    expect(await entry(firstEntry)).toMatchObject({ status: 'waiting', offer: null });

    const { acceptWaitlistOffer } = await scheduling.ok<{ acceptWaitlistOffer: Record<string, unknown> }>(
      ACCEPT,
      { id: secondOffer.id },
      agenda.as.secretary,
    );
    expect(acceptWaitlistOffer).toEqual({
      id: secondOffer.holdId,
      status: 'CONFIRMED',
      patientId: second,
      startsAt: new Date(startsAt).toISOString(),
    });
    expect(await entry(secondEntry)).toBeUndefined();
  });

  it('a declined offer goes to the next waiting patient at once; a slot after the wanted date is not offered', async () => {
    const [late, decliner, next] = [randomUUID(), randomUUID(), randomUUID()];
    const lateEntry = await join(late, { practitionerId: agenda.gpId }, 7);
    const declinerEntry = await join(decliner, { practitionerId: agenda.gpId });
    const nextEntry = await join(next, { practitionerId: agenda.gpId });
    await cancel(await book(randomUUID(), siteTime(agenda, 8, '10:00')));
    const offer = (await offered(declinerEntry)).offer;
    expect((await entry(lateEntry))?.offer).toBeNull();
    await scheduling.ok(DECLINE, { id: offer.id }, agenda.as.secretary);
    const nextOffer = (await offered(nextEntry)).offer;
    expect(nextOffer.startsAt).toBe(offer.startsAt);
    expect(await entry(declinerEntry)).toMatchObject({ status: 'waiting', offer: null });
  });

  it('each entry lists every offer made to it, newest first, with what became of it, and names its patient and its date', async () => {
    const [decliner, next] = [randomUUID(), randomUUID()];
    const declinerEntry = await join(decliner, { practitionerId: agenda.gpId });
    const nextEntry = await join(next, { practitionerId: agenda.gpId });
    const [early, late] = [siteTime(agenda, 8, '10:00'), siteTime(agenda, 9, '11:00')];
    await cancel(await book(randomUUID(), early));
    const first = (await offered(declinerEntry)).offer;
    await scheduling.ok(DECLINE, { id: first.id }, agenda.as.secretary);
    await offered(nextEntry);
    await cancel(await book(randomUUID(), late));
    const second = (await offered(declinerEntry)).offer;

    const { waitlist } = await scheduling.ok<{
      waitlist: Array<{
        id: string;
        before: string;
        patient: { id: string } | null;
        offers: Array<{ id: string; status: string; startsAt: string; createdAt: string }>;
      }>;
    }>(
      `query($s: ID!) { waitlist(structureId: $s) { id before patient { id } offers { id status startsAt createdAt } } }`,
      { s: agenda.structureId },
      agenda.as.secretary,
    );
    const mine = waitlist.find((e) => e.id === declinerEntry);
    expect(mine?.patient).toEqual({ id: decliner });
    // The local date as joined, not a Date's text.
    expect(mine?.before).toBe(siteTime(agenda, 20, '12:00').slice(0, 10));
    expect(mine?.offers.map((o) => [o.id, o.status, o.startsAt])).toEqual([
      [second.id, 'open', new Date(late).toISOString()],
      [first.id, 'declined', new Date(early).toISOString()],
    ]);
    expect(Date.parse(mine!.offers[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(mine!.offers[1].createdAt));
    expect(waitlist.find((e) => e.id === nextEntry)?.offers.map((o) => [o.status, o.startsAt])).toEqual([
      ['open', new Date(early).toISOString()],
    ]);

    // A member of another structure reads none of it: the structure answers as if it did not exist.
    const other = await seedAgenda(scheduling);
    const refused = await scheduling.gql(
      `query($s: ID!) { waitlist(structureId: $s) { id offers { id } } }`,
      { s: agenda.structureId },
      other.as.secretary,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('the time an appointment moved away from is offered too', async () => {
    const waiting = randomUUID();
    const waitingEntry = await join(waiting, { practitionerId: agenda.gpId });
    const leftAt = siteTime(agenda, 9, '14:00');
    const id = await book(randomUUID(), leftAt);
    await scheduling.ok(
      `mutation($input: RescheduleAppointmentInput!) { rescheduleAppointment(input: $input) { id } }`,
      { input: { appointmentId: id, startsAt: siteTime(agenda, 12, '14:00') } },
      agenda.as.secretary,
    );
    expect((await offered(waitingEntry)).offer.startsAt).toBe(new Date(leftAt).toISOString());
  });

  it('names the field of a bad waitlist request', async () => {
    const past = await scheduling.gql(
      JOIN,
      {
        input: {
          structureId: agenda.structureId,
          patientId: randomUUID(),
          motifId: agenda.motifId,
          practitionerId: agenda.gpId,
          before: '2020-01-01',
        },
      },
      agenda.as.secretary,
    );
    expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.before' });
    const nobody = await scheduling.gql(
      JOIN,
      {
        input: {
          structureId: agenda.structureId,
          patientId: randomUUID(),
          motifId: agenda.motifId,
          before: '2030-01-01',
        },
      },
      agenda.as.secretary,
    );
    expect(nobody.errors?.[0].extensions).toMatchObject({ field: 'input.practitionerId' });
  });
});
