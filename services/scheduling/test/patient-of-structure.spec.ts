import { randomUUID } from 'node:crypto';
import { InternalHttpClient } from '@msp/messaging';
import { testServicePrivateKey } from '@msp/testing';
import type { DirectoryStub } from './fixtures/directory-stub';
import { BOOK, CONFIRM, HOLD } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

const JOIN = `mutation($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { id status } }`;

describe("staff book, hold and waitlist only their own structure's patients", () => {
  let scheduling: SchedulingTestApp;
  let directory: DirectoryStub;
  let msp: SeededAgenda;
  let other: SeededAgenda;
  let secretaryService: InternalHttpClient;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_patient_of_structure');
    directory = scheduling.directory as DirectoryStub;
    msp = await seedAgenda(scheduling);
    other = await seedAgenda(scheduling);
    directory.patientOfAnotherStructure(other.patientId, other.structureId);
    secretaryService = new InternalHttpClient({
      caller: 'call-routing',
      target: 'scheduling',
      baseUrl: scheduling.url,
      privateKey: testServicePrivateKey('call-routing'),
      timeoutMs: 5_000,
    });
  });

  afterAll(() => scheduling?.stop());

  const slot = (time: string) => ({
    practitionerId: msp.gpId,
    siteId: msp.siteId,
    motifId: msp.motifId,
    startsAt: siteTime(msp, 4, time),
  });
  const waitlisting = (patientId: string) => ({
    structureId: msp.structureId,
    patientId,
    motifId: msp.motifId,
    practitionerId: msp.gpId,
    before: siteTime(msp, 20, '12:00').slice(0, 10),
  });
  const written = async () =>
    (
      await scheduling.sql<{ n: string }>(
        `select (select count(*) from appointment) + (select count(*) from waitlist_entry)
                + (select count(*) from outbox_message) as n`,
      )
    )[0].n;
  const errorOf = async (query: string, input: Record<string, unknown>) =>
    (await scheduling.gql(query, { input }, msp.as.secretary)).errors?.[0].extensions;

  it("refuses another structure's patient on book, hold, waitlist and confirm as not found on input.patientId, writing nothing", async () => {
    const before = await written();
    const notFound = { code: 'NOT_FOUND', reason: 'SCHEDULING.NOT_FOUND', field: 'input.patientId' };
    expect(await errorOf(BOOK, { ...slot('09:00'), patientId: other.patientId })).toMatchObject(notFound);
    expect(await errorOf(HOLD, { ...slot('09:20'), patientId: other.patientId })).toMatchObject(notFound);
    expect(await errorOf(JOIN, waitlisting(other.patientId))).toMatchObject(notFound);
    const { holdSlot } = await scheduling.ok<{ holdSlot: { id: string } }>(
      HOLD,
      { input: slot('09:20') },
      msp.as.secretary,
    );
    const afterHold = await written();
    expect(await errorOf(CONFIRM, { holdId: holdSlot.id, patientId: other.patientId })).toMatchObject(notFound);
    await expect(
      secretaryService.post('/internal/agenda/holds', { ...slot('09:40'), patientId: other.patientId }),
    ).rejects.toMatchObject({ status: 404, code: 'SCHEDULING.NOT_FOUND', field: 'input.patientId' });
    expect(before).not.toBe(afterHold); // the hold without a patient was written, nothing after it
    expect(await written()).toBe(afterHold);
    const [row] = await scheduling.sql<{ status: string; patient_id: string | null }>(
      `select status, patient_id from appointment where id = $1`,
      [holdSlot.id],
    );
    expect(row).toEqual({ status: 'held', patient_id: null });
  });

  it('the same booking, hold and waitlist entry go through for a patient of the structure', async () => {
    await expect(
      scheduling.ok(BOOK, { input: { ...slot('10:00'), patientId: msp.patientId } }, msp.as.secretary),
    ).resolves.toBeDefined();
    await expect(
      scheduling.ok(HOLD, { input: { ...slot('10:20'), patientId: msp.patientId } }, msp.as.secretary),
    ).resolves.toBeDefined();
    await expect(scheduling.ok(JOIN, { input: waitlisting(msp.patientId) }, msp.as.secretary)).resolves.toBeDefined();
    expect(directory.calls).toContain(`GET /internal/structures/${msp.structureId}/patients/${msp.patientId}`);
  });

  it('a directory that cannot answer gives a retryable UNAVAILABLE, and nothing is written', async () => {
    const before = await written();
    const patientId = randomUUID();
    directory.down = true;
    try {
      const unavailable = { code: 'UNAVAILABLE', reason: 'SCHEDULING.DIRECTORY_UNAVAILABLE', retryable: true };
      expect(await errorOf(BOOK, { ...slot('11:00'), patientId })).toMatchObject(unavailable);
      expect(await errorOf(HOLD, { ...slot('11:20'), patientId })).toMatchObject(unavailable);
      expect(await errorOf(JOIN, waitlisting(patientId))).toMatchObject(unavailable);
    } finally {
      directory.down = false;
    }
    expect(await written()).toBe(before);
  });
});
