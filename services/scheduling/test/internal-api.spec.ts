import { randomUUID } from 'node:crypto';
import { generateSigningKeyPair } from '@msp/auth';
import { testServicePrivateKey } from '@msp/testing';
import { InternalHttpClient } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryProjection } from '../src/application/projections/directory-projection';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

interface Summary {
  id: string;
  status: string;
  startsAt: string;
  holdExpiresAt: string | null;
}

describe('internal API for the virtual secretary', () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;
  let client: InternalHttpClient;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_internal');
    agenda = await seedAgenda(scheduling);
    client = new InternalHttpClient({
      caller: 'call-routing',
      target: 'scheduling',
      baseUrl: scheduling.url,
      privateKey: testServicePrivateKey('call-routing'),
      timeoutMs: 5_000,
    });
  });

  afterAll(() => scheduling?.stop());

  it('offers the next slots, holds one, confirms it: booked by the virtual secretary', async () => {
    const date = siteTime(agenda, 3, '12:00').slice(0, 10);
    const freeSlots = () =>
      client.post<{ slots: Array<{ startsAt: string; practitionerId: string }> }>('/internal/agenda/free-slots', {
        motifId: agenda.motifId,
        from: date,
        to: date,
        practitionerIds: [agenda.gpId],
        limit: 3,
      });
    const { slots } = await freeSlots();
    // The first three 20-minute slots of the GP's 08:00–18:00 day, in order.
    expect(slots).toEqual(
      ['08:00', '08:20', '08:40'].map((time) =>
        expect.objectContaining({
          practitionerId: agenda.gpId,
          startsAt: new Date(siteTime(agenda, 3, time)).toISOString(),
        }),
      ),
    );
    const slot = {
      practitionerId: agenda.gpId,
      siteId: agenda.siteId,
      motifId: agenda.motifId,
      startsAt: slots[0].startsAt,
    };
    const hold = await client.post<Summary>('/internal/agenda/holds', slot);
    expect(hold).toMatchObject({ status: 'held', startsAt: slots[0].startsAt });
    expect(Date.parse(hold.holdExpiresAt ?? '')).toBeGreaterThan(Date.now());
    expect((await freeSlots()).slots.map((s) => s.startsAt)).toEqual(
      ['08:20', '08:40', '09:00'].map((time) => new Date(siteTime(agenda, 3, time)).toISOString()),
    );
    await expect(client.post('/internal/agenda/holds', slot)).rejects.toMatchObject({
      status: 409,
      code: 'SCHEDULING.SLOT_TAKEN',
      field: 'input.startsAt',
    });
    const confirmed = await client.post<Summary>(`/internal/agenda/holds/${hold.id}/confirm`, {
      patientId: agenda.patientId,
    });
    expect(confirmed).toMatchObject({ id: hold.id, status: 'confirmed', holdExpiresAt: null });
    const booked = (await scheduling.events('scheduling.appointment.booked.v1')).find(
      (e) => e.appointmentId === hold.id,
    );
    expect(booked).toMatchObject({ bookedBy: 'virtual_secretary', patientId: agenda.patientId });
  });

  it('lists a caller’s coming appointments and moves one on their behalf, never another patient’s', async () => {
    const caller = randomUUID(); // identified by the directory on the phone line
    const at = (time: string) => new Date(siteTime(agenda, 3, time)).toISOString();
    const book = async (time: string, patientId: string) => {
      const hold = await client.post<Summary>('/internal/agenda/holds', {
        practitionerId: agenda.gpId,
        siteId: agenda.siteId,
        motifId: agenda.motifId,
        startsAt: at(time),
      });
      return client.post<Summary>(`/internal/agenda/holds/${hold.id}/confirm`, { patientId });
    };
    const later = await book('11:00', caller);
    const sooner = await book('10:00', caller);
    const othersAppointment = await book('10:20', randomUUID());
    const listed = async (structureId = agenda.structureId) =>
      (
        await client.get<{ appointments: Array<{ id: string; startsAt: string; status: string }> }>(
          `/internal/agenda/patients/${caller}/appointments?structureId=${structureId}`,
        )
      ).appointments.map((a) => [a.id, a.startsAt]);

    expect(await listed()).toEqual([
      [sooner.id, at('10:00')],
      [later.id, at('11:00')],
    ]);
    expect(await listed(randomUUID())).toEqual([]);

    const move = (id: string, body: object) => client.post(`/internal/agenda/appointments/${id}/move`, body);
    await expect(move(othersAppointment.id, { patientId: caller, startsAt: at('15:00') })).rejects.toMatchObject({
      status: 404,
      code: 'SCHEDULING.NOT_FOUND',
    });
    await expect(move(sooner.id, { patientId: caller, startsAt: at('11:00') })).rejects.toMatchObject({
      status: 409,
      code: 'SCHEDULING.SLOT_TAKEN',
    });
    await expect(move(sooner.id, { startsAt: at('15:00') })).rejects.toMatchObject({ status: 400, field: 'patientId' });

    expect(await move(sooner.id, { patientId: caller, startsAt: at('15:00') })).toMatchObject({
      id: sooner.id,
      startsAt: at('15:00'),
    });
    expect(await listed()).toEqual([
      [later.id, at('11:00')],
      [sooner.id, at('15:00')],
    ]);
    const rescheduled = (await scheduling.events('scheduling.appointment.rescheduled.v1')).filter(
      (e) => e.appointmentId === sooner.id,
    );
    expect(rescheduled).toHaveLength(1);
  });

  it('answers refusals with their code and field', async () => {
    await expect(
      client.post('/internal/agenda/holds', {
        practitionerId: agenda.gpId,
        siteId: agenda.siteId,
        motifId: agenda.motifId,
        startsAt: 'demain',
      }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'SCHEDULING.INVALID_INPUT',
      field: 'input.startsAt',
    });
    await expect(
      client.post('/internal/agenda/appointments/00000000-0000-4000-8000-000000000000/cancel', { reason: 'other' }),
    ).rejects.toMatchObject({
      status: 404,
      code: 'SCHEDULING.NOT_FOUND',
    });
  });

  it('names the motif the virtual secretary books by default: the shortest cabinet motif of the structure that its GPs offer', async () => {
    // A structure of its own, with a GP and a nurse each offering their own motifs.
    const structureId = randomUUID();
    const siteId = randomUUID();
    const [adminId, gpId, nurseId] = [randomUUID(), randomUUID(), randomUUID()];
    const projection = scheduling.get(DirectoryProjection);
    await scheduling.get(TransactionRunner).run(async () => {
      await projection.upsertSite({ siteId, structureId, timeZone: 'Europe/Paris' });
      await projection.upsertMember({
        memberId: adminId,
        structureId,
        profession: 'practice_manager',
        roles: ['administrator'],
        siteIds: [],
      });
      for (const [memberId, profession] of [
        [gpId, 'general_practitioner'],
        [nurseId, 'nurse'],
      ])
        await projection.upsertMember({
          memberId,
          structureId,
          profession,
          roles: ['practitioner'],
          siteIds: [siteId],
        });
    });
    const admin = { memberId: adminId, memberships: [{ structureId, roles: ['administrator' as const], siteIds: [] }] };
    const phoneMotif = () => client.get(`/internal/agenda/structures/${structureId}/phone-motif`);
    await expect(phoneMotif()).rejects.toMatchObject({
      status: 404,
      code: 'SCHEDULING.NOT_FOUND',
      field: 'structureId',
    });

    const motif = async (input: Record<string, unknown>) =>
      (
        await scheduling.ok<{ createMotif: { id: string } }>(
          `mutation($input: CreateMotifInput!) { createMotif(input: $input) { id } }`,
          {
            input: {
              structureId,
              channel: 'CABINET',
              bookableBy: ['STAFF', 'VIRTUAL_SECRETARY'],
              newPatientsAllowed: true,
              ...input,
            },
          },
          admin,
        )
      ).createMotif.id;
    const range = (practitionerId: string, motifIds: string[]) =>
      scheduling.ok(
        `mutation($input: DefineOpeningRangeInput!) { defineOpeningRange(input: $input) { id } }`,
        {
          input: {
            practitionerId,
            siteId,
            weekdays: [1, 2, 3, 4, 5],
            startTime: '08:00',
            endTime: '12:00',
            validFrom: siteTime(agenda, -1, '12:00').slice(0, 10),
            motifIds,
          },
        },
        admin,
      );
    const consultation = await motif({ label: 'Consultation', durationMinutes: 20 });
    const long = await motif({ label: 'Consultation longue', durationMinutes: 40 });
    const vaccination = await motif({ label: 'Vaccination', durationMinutes: 10 });
    // Shorter still, but each not for the phone: another channel, staff only, one GP's own.
    const teleconsultation = await motif({
      label: 'Téléconsultation',
      durationMinutes: 5,
      channel: 'TELECONSULTATION',
    });
    const smear = await motif({ label: 'Frottis', durationMinutes: 5, bookableBy: ['STAFF'] });
    const own = await motif({ label: 'Renouvellement', durationMinutes: 5, practitionerId: gpId });
    // Before any range: the shortest the virtual secretary may book.
    await expect(phoneMotif()).resolves.toEqual({ id: vaccination, label: 'Vaccination', durationMinutes: 10 });

    await range(gpId, [consultation, long, teleconsultation, smear, own]);
    await range(nurseId, [vaccination]);
    // A caller is matched with their médecin traitant: the nurse's shorter vaccination would offer no slot with them.
    await expect(phoneMotif()).resolves.toEqual({ id: consultation, label: 'Consultation', durationMinutes: 20 });

    await expect(client.get('/internal/agenda/structures/cabinet/phone-motif')).rejects.toMatchObject({
      status: 400,
      field: 'structureId',
    });
  });

  it('refuses callers without a valid service token', async () => {
    const forged = new InternalHttpClient({
      caller: 'call-routing',
      target: 'scheduling',
      baseUrl: scheduling.url,
      privateKey: generateSigningKeyPair().privateKey, // not the caller's key
    });
    await expect(forged.post('/internal/agenda/free-slots', {})).rejects.toMatchObject({ status: 401 });
  });
});
