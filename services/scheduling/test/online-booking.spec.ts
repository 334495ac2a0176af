import { randomUUID } from 'node:crypto';
import { DirectoryStub } from './fixtures/directory-stub';
import { CREATE_MOTIF } from './fixtures/operations';
import { publicCall } from './fixtures/public-api';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

const REQUESTS = `query($s: ID!) { onlineBookingRequests(structureId: $s) { id holdId practitionerId startsAt holdExpiresAt } }`;
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
    ]);
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

  it('books a known patient at once, by the online channel, answering no identity', async () => {
    const answer = await book(booking());
    expect(answer).toMatchObject({
      status: 201,
      body: { status: 'booked', startsAt: new Date(booking().startsAt).toISOString() },
    });
    expect(JSON.stringify(answer.body)).not.toMatch(new RegExp(`${agenda.patientId}|Dupré|1948`));
    const event = (await scheduling.events('scheduling.appointment.booked.v1')).find(
      (e) => e.appointmentId === answer.body.appointmentId,
    );
    expect(event).toMatchObject({ patientId: agenda.patientId, bookedBy: 'online' });
  });

  it('answers 409 "slot no longer free" when the slot was taken meanwhile (the exclusion constraint decides)', async () => {
    expect((await book(booking())).status).toBe(201);
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
    expect(answer).toMatchObject({ status: 201, body: { siteId: agenda.siteId } });
  });

  it('a new patient gets a pending booking holding the slot; staff confirm it: the directory registers them and the slot is booked', async () => {
    const answer = await book(booking({ patient: stranger }));
    expect(answer).toMatchObject({ status: 202, body: { status: 'pending' } });
    const stored = [...directory.requests.values()].find((r) => r.identity.lastName === 'Nouveau');
    expect(stored?.identity).toMatchObject({
      structureId: agenda.structureId,
      firstName: 'Néo',
      birthDate: '1990-01-01',
    });
    expect(JSON.stringify(await scheduling.sql(`select * from online_booking_request`))).not.toMatch(/Nouveau|1990/);
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
    expect((await book(booking())).status).toBe(201);
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

  it('a motif for known patients only refuses an unknown one, naming the patient', async () => {
    const answer = await book(booking({ motifId: knownOnlyMotifId, patient: stranger }));
    expect(answer).toMatchObject({ status: 400, body: { code: 'ONLINE.PATIENT_NOT_MATCHED', field: 'patient' } });
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
    expect((await book(booking())).status).toBe(201);
  });
});
