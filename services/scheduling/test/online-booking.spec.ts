import { randomUUID } from 'node:crypto';
import { OnlineRequestPurgeJob } from '../src/application/online-booking/online-request-purge.job';
import { OnlineBookingRequestRepository } from '../src/application/ports/online-booking-request.repository';
import { DirectoryStub } from './fixtures/directory-stub';
import { CREATE_MOTIF } from './fixtures/operations';
import { publicCall } from './fixtures/public-api';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

const REQUESTS = `query($s: ID!) { onlineBookingRequests(structureId: $s) { id holdId identity patientId practitionerId startsAt holdExpiresAt } }`;
const CONFIRM_REQUEST = `mutation($id: ID!) { confirmOnlineBookingRequest(requestId: $id) { id status patientId bookedBy } }`;
const REJECT_REQUEST = `mutation($id: ID!) { rejectOnlineBookingRequest(requestId: $id) }`;

interface Answer {
  status?: string;
  code?: string;
  field?: string;
  message?: string;
  appointmentId?: string;
  requestId?: string;
  startsAt?: string;
  siteId?: string;
}

describe('online booking on the public page (SCH-5)', () => {
  let directory: DirectoryStub;
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;
  let knownOnlyMotifId: string;
  let staffOnlyMotifId: string;
  let day = 2;
  const known = { lastName: 'Dupré', firstName: 'Hélène', birthDate: '1948-03-02', phone: '06 12 34 56 78' };
  const stranger = { lastName: 'Nouveau', firstName: 'Néo', birthDate: '1990-01-01', phone: '07 00 00 00 01' };

  beforeAll(async () => {
    directory = await DirectoryStub.start();
    scheduling = await SchedulingTestApp.start('scheduling_online', {
      DIRECTORY_INTERNAL_URL: directory.url,
      PUBLIC_BOOKING_LIMIT_PER_HOUR: '1000',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000',
    });
    agenda = await seedAgenda(scheduling);
    directory.patients.push({
      patientId: agenda.patientId,
      structureId: agenda.structureId,
      ...known,
      phone: '+33612345678',
    });
    const motif = async (label: string, bookableBy: string[], newPatientsAllowed: boolean) =>
      (
        await scheduling.ok<{ createMotif: { id: string } }>(
          CREATE_MOTIF,
          {
            input: {
              structureId: agenda.structureId,
              label,
              durationMinutes: 20,
              channel: 'CABINET',
              bookableBy,
              newPatientsAllowed,
            },
          },
          agenda.as.administrator,
        )
      ).createMotif.id;
    knownOnlyMotifId = await motif('Suivi', ['STAFF', 'ONLINE'], false);
    staffOnlyMotifId = await motif('Acte', ['STAFF'], true);
  });

  afterAll(async () => {
    await scheduling?.stop();
    await directory?.stop();
  });

  beforeEach(() => day++);
  const base = () => `/public/${agenda.structureId}`;
  const booking = (extra: Record<string, unknown> = {}) => ({
    motifId: agenda.motifId,
    practitionerId: agenda.gpId,
    siteId: agenda.siteId,
    startsAt: siteTime(agenda, day, '09:00'),
    patient: known,
    ...extra,
  });
  const book = (body: unknown) => publicCall<Answer>(scheduling.publicUrl, 'POST', `${base()}/bookings`, body);

  it('lists only the motifs patients may book online, and the slots offered online', async () => {
    const motifs = await publicCall<{ motifs: Array<{ id: string }> }>(scheduling.publicUrl, 'GET', `${base()}/motifs`);
    expect(motifs.body.motifs.map((m) => m.id)).toEqual(expect.arrayContaining([agenda.motifId, knownOnlyMotifId]));
    expect(motifs.body.motifs.map((m) => m.id)).not.toContain(staffOnlyMotifId);
    const date = siteTime(agenda, day, '12:00').slice(0, 10);
    const slots = await publicCall<{ slots: Array<Record<string, unknown>> }>(
      scheduling.publicUrl,
      'GET',
      `${base()}/slots?motifId=${agenda.motifId}&from=${date}&to=${date}&practitionerId=${agenda.gpId}`,
    );
    expect(slots.status).toBe(200);
    expect(slots.body.slots).toHaveLength(30);
    expect(Object.keys(slots.body.slots[0]).sort()).toEqual([
      'endsAt',
      'motifId',
      'practitionerId',
      'siteId',
      'startsAt',
      'timeZone',
    ]);
    expect(slots.body.slots[0].timeZone).toBe(agenda.timeZone);
  });

  it('names the bad field of a search, and knows no motif of another structure', async () => {
    const bad = await publicCall<Answer>(
      scheduling.publicUrl,
      'GET',
      `${base()}/slots?motifId=${agenda.motifId}&from=demain&to=2026-12-01`,
    );
    expect(bad).toMatchObject({ status: 400, body: { code: 'SCHEDULING.INVALID_INPUT', field: 'from' } });
    const other = await publicCall<Answer>(
      scheduling.publicUrl,
      'GET',
      `/public/${randomUUID()}/slots?motifId=${agenda.motifId}&from=2026-12-01&to=2026-12-01`,
    );
    expect(other).toMatchObject({ status: 404, body: { field: 'motifId' } });
  });

  it('answers the same for a patient, a new patient and someone unknown for a known-patients motif: 202, the same keys, the slot held', async () => {
    const answers = [
      await book(booking()),
      await book(booking({ startsAt: siteTime(agenda, day, '10:00'), patient: stranger })),
      await book(booking({ startsAt: siteTime(agenda, day, '11:00'), motifId: knownOnlyMotifId, patient: stranger })),
    ];
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => Object.keys(a.body).sort().join()))).toEqual(
      new Set([
        ['endsAt', 'holdExpiresAt', 'message', 'motifId', 'practitionerId', 'requestId', 'siteId', 'startsAt', 'status']
          .sort()
          .join(),
      ]),
    );
    expect(new Set(answers.map((a) => `${a.body.status}|${a.body.message}`)).size).toBe(1);
    for (const answer of answers)
      // Birth dates as typed (a random id may well contain "1990" among its hex digits).
      expect(JSON.stringify(answer.body)).not.toMatch(
        new RegExp(`${agenda.patientId}|Dupré|Nouveau|1948-03-02|1990-01-01`),
      );
    // The same work whoever it is (no early return): the directory is asked to match, then keeps what was typed.
    const requests = await scheduling.sql<{ identity: string; patient_id: string | null; hold_status: string }>(
      `select r.identity, r.patient_id, a.status as hold_status from online_booking_request r
         join appointment a on a.id = r.hold_id where r.id = any($1) order by a.starts_at`,
      [answers.map((a) => a.body.requestId)],
    );
    expect(requests).toEqual([
      { identity: 'known_patient', patient_id: agenda.patientId, hold_status: 'held' },
      { identity: 'new_patient', patient_id: null, hold_status: 'held' },
      { identity: 'unknown_patient', patient_id: null, hold_status: 'held' },
    ]);
  });

  it("a known patient's booking is not theirs until staff confirm it: nothing is booked in their name before", async () => {
    const calls = directory.calls.length;
    const answer = await book(booking());
    expect(answer.status).toBe(202);
    expect(directory.calls.slice(calls)).toEqual([
      'POST /internal/patients/match',
      'POST /internal/patient-registration-requests',
    ]);
    const inTheirName = () =>
      scheduling.sql(`select id from appointment where patient_id = $1 and starts_at = $2`, [
        agenda.patientId,
        booking().startsAt,
      ]);
    expect(await inTheirName()).toEqual([]);
    const booked = (await scheduling.events('scheduling.appointment.booked.v1')).filter(
      (e) => e.patientId === agenda.patientId && e.startsAt === new Date(booking().startsAt).toISOString(),
    );
    expect(booked).toEqual([]);
    // The desk sees it like the pending ones, with the matched patient, and confirms.
    const { onlineBookingRequests } = await scheduling.ok<{
      onlineBookingRequests: Array<{ id: string; identity: string; patientId: string | null }>;
    }>(REQUESTS, { s: agenda.structureId }, agenda.as.secretary);
    expect(onlineBookingRequests.find((r) => r.id === answer.body.requestId)).toMatchObject({
      identity: 'KNOWN_PATIENT',
      patientId: agenda.patientId,
    });
    const { confirmOnlineBookingRequest } = await scheduling.ok<{
      confirmOnlineBookingRequest: { status: string; patientId: string; bookedBy: string };
    }>(CONFIRM_REQUEST, { id: answer.body.requestId }, agenda.as.secretary);
    expect(confirmOnlineBookingRequest).toMatchObject({
      status: 'CONFIRMED',
      patientId: agenda.patientId,
      bookedBy: 'ONLINE',
    });
    expect(await inTheirName()).toHaveLength(1);
    // The patient was already known: the directory forgets what was typed instead of registering anyone.
    expect(directory.calls.slice(calls)).not.toContainEqual(expect.stringMatching(/\/register$/));
    expect(directory.calls.slice(calls).at(-1)).toMatch(/\/discard$/);
  });

  it('answers 409 "slot no longer free" when the slot was taken meanwhile (the exclusion constraint decides)', async () => {
    expect((await book(booking())).status).toBe(202);
    const second = await book(booking());
    expect(second).toMatchObject({ status: 409, body: { code: 'SCHEDULING.SLOT_TAKEN', field: 'startsAt' } });
    expect(second.body.message).toMatch(/no longer free/);
  });

  it('refuses what is not offered online, naming the field', async () => {
    expect(await book(booking({ motifId: staffOnlyMotifId }))).toMatchObject({
      status: 400,
      body: { field: 'motifId' },
    });
    expect(await book(booking({ startsAt: siteTime(agenda, day, '09:05') }))).toMatchObject({
      status: 400,
      body: { field: 'startsAt', message: expect.stringMatching(/offered slots/) },
    });
    expect(await book(booking({ startsAt: siteTime(agenda, day, '20:00') }))).toMatchObject({
      status: 400,
      body: { field: 'startsAt' },
    });
    expect(await book(booking({ patient: { ...known, birthDate: '02/03/1948' } }))).toMatchObject({
      status: 400,
      body: { field: 'patient.birthDate' },
    });
    expect(await book(booking({ patient: { ...known, phone: '0612' } }))).toMatchObject({
      status: 400,
      body: { field: 'patient.phone' },
    });
  });

  it('finds the site when the booking does not name it', async () => {
    const answer = await book(booking({ siteId: undefined }));
    expect(answer).toMatchObject({ status: 202, body: { siteId: agenda.siteId } });
  });

  it('a new patient gets a pending booking holding the slot; staff confirm it: the directory registers them and the slot is booked', async () => {
    const answer = await book(booking({ patient: stranger }));
    expect(answer).toMatchObject({ status: 202, body: { status: 'received' } });
    const [{ registration_request_id: typedId }] = await scheduling.sql<{ registration_request_id: string }>(
      `select registration_request_id from online_booking_request where id = $1`,
      [answer.body.requestId],
    );
    const stored = directory.requests.get(typedId);
    expect(stored?.identity).toMatchObject({
      structureId: agenda.structureId,
      firstName: 'Néo',
      birthDate: '1990-01-01',
    });
    expect(JSON.stringify(await scheduling.sql(`select * from online_booking_request`))).not.toMatch(
      /Nouveau|1990-01-01/,
    );
    expect((await book(booking())).status).toBe(409);
    const { onlineBookingRequests } = await scheduling.ok<{
      onlineBookingRequests: Array<{ id: string; holdId: string }>;
    }>(REQUESTS, { s: agenda.structureId }, agenda.as.secretary);
    const request = onlineBookingRequests.find((r) => r.id === answer.body.requestId);
    expect(request).toBeDefined();
    const { confirmOnlineBookingRequest } = await scheduling.ok<{
      confirmOnlineBookingRequest: { id: string; status: string; patientId: string; bookedBy: string };
    }>(CONFIRM_REQUEST, { id: request?.id }, agenda.as.secretary);
    expect(confirmOnlineBookingRequest).toMatchObject({ id: request?.holdId, status: 'CONFIRMED', bookedBy: 'ONLINE' });
    expect(confirmOnlineBookingRequest.patientId).toBe(stored?.patientId);
    const again = await scheduling.gql(CONFIRM_REQUEST, { id: request?.id }, agenda.as.secretary);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('turning a pending booking down frees the slot and has the directory forget the identity', async () => {
    const answer = await book(booking({ patient: { ...stranger, lastName: 'Refusé' } }));
    expect(answer.status).toBe(202);
    await scheduling.ok(REJECT_REQUEST, { id: answer.body.requestId }, agenda.as.secretary);
    expect([...directory.requests.values()].find((r) => r.identity.lastName === 'Refusé')?.discarded).toBe(true);
    expect((await book(booking())).status).toBe(202);
  });

  it('staff confirming while the directory is down are told so (UNAVAILABLE, retryable), and can confirm once it is back', async () => {
    const answer = await book(booking({ patient: { ...stranger, lastName: 'Patient' } }));
    directory.down = true;
    try {
      const refused = await scheduling.gql(CONFIRM_REQUEST, { id: answer.body.requestId }, agenda.as.secretary);
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'UNAVAILABLE',
        reason: 'SCHEDULING.DIRECTORY_UNAVAILABLE',
        retryable: true,
      });
      expect(refused.errors?.[0].message).toMatch(/directory cannot be reached/);
    } finally {
      directory.down = false;
    }
    await expect(
      scheduling.ok(CONFIRM_REQUEST, { id: answer.body.requestId }, agenda.as.secretary),
    ).resolves.toBeDefined();
  });

  it('the retention purge deletes unconfirmed requests and the identities typed for them, and keeps the rest', async () => {
    const request = async (lastName: string, time: string) => {
      const answer = await book(booking({ startsAt: siteTime(agenda, day, time), patient: { ...stranger, lastName } }));
      expect(answer.status).toBe(202);
      return answer.body.requestId as string;
    };
    const [rejected, lapsed, confirmed, live, recent] = [
      await request('Refus', '09:00'),
      await request('Oubli', '10:00'),
      await request('Venu', '11:00'),
      await request('Attente', '14:00'),
      await request('Récent', '15:00'),
    ];
    await scheduling.ok(REJECT_REQUEST, { id: rejected }, agenda.as.secretary);
    await scheduling.ok(REJECT_REQUEST, { id: recent }, agenda.as.secretary);
    await scheduling.ok(CONFIRM_REQUEST, { id: confirmed }, agenda.as.secretary);
    await scheduling.sql(
      `update appointment set hold_expires_at = now() - interval '1 minute'
        where id = (select hold_id from online_booking_request where id = $1)`,
      [lapsed],
    );
    await scheduling.sql(
      `update online_booking_request set created_at = now() - interval '31 days' where id = any($1)`,
      [[rejected, lapsed, confirmed, live]],
    );
    const typed = (lastName: string) => [...directory.requests.values()].find((r) => r.identity.lastName === lastName);
    const remaining = async () =>
      (
        await scheduling.sql<{ id: string }>(`select id from online_booking_request where id = any($1)`, [
          [rejected, lapsed, confirmed, live, recent],
        ])
      )
        .map((r) => r.id)
        .sort();
    const job = scheduling.get(OnlineRequestPurgeJob);

    // The directory away: nothing is deleted here that the directory still holds an identity for.
    directory.down = true;
    try {
      expect(await job.purge()).toEqual({ purged: 0, kept: 2 });
    } finally {
      directory.down = false;
    }
    expect(await remaining()).toEqual([rejected, lapsed, confirmed, live, recent].sort());

    expect(await job.purge()).toEqual({ purged: 2, kept: 0 });
    expect(await remaining()).toEqual([confirmed, live, recent].sort());
    expect(typed('Oubli')?.discarded).toBe(true);
    expect(typed('Refus')?.discarded).toBe(true);
    expect(typed('Attente')?.discarded).toBeUndefined();
    expect(typed('Venu')?.patientId).toBeDefined();
    expect(await job.purge()).toEqual({ purged: 0, kept: 0 });
  });

  it('a booking that cannot be recorded leaves nothing behind: no hold, and the directory forgets what was typed', async () => {
    const requests = scheduling.app.get(OnlineBookingRequestRepository);
    const insert = jest.spyOn(requests, 'insert').mockRejectedValueOnce(new Error('disk full'));
    try {
      const answer = await book(booking({ patient: { ...stranger, lastName: 'Perdu' } }));
      expect(answer.status).toBeGreaterThanOrEqual(500);
    } finally {
      insert.mockRestore();
    }
    expect([...directory.requests.values()].find((r) => r.identity.lastName === 'Perdu')?.discarded).toBe(true);
    expect((await book(booking())).status).toBe(202);
  });

  it('answers 503 with a clear message when the directory is down, and keeps no hold', async () => {
    directory.down = true;
    try {
      const answer = await book(booking());
      expect(answer).toMatchObject({ status: 503, body: { code: 'ONLINE.DIRECTORY_UNAVAILABLE' } });
      expect(answer.body.message).toMatch(/directory cannot be reached/);
    } finally {
      directory.down = false;
    }
    expect((await book(booking())).status).toBe(202);
  });
});
