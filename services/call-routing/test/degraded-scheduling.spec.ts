import { randomUUID } from 'node:crypto';
import { Clock } from '@msp/service-kit';
import { TestEventPublisher } from '@msp/testing';
import { driveCall } from './fixtures/call-driver';
import { CallRoutingTestApp } from './fixtures/call-routing-test-app';
import { knownPatientCalling, openPractice, type Practice } from './fixtures/practice';

const TUESDAY_9H = new Date('2027-03-02T08:00:00Z');

describe('when scheduling stops answering, booking calls become messages and no call is lost (CAL-7)', () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  const motifId = randomUUID();

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('degraded_scheduling');
    events = await TestEventPublisher.start('call-routing-spec-degraded');
    practice = await openPractice(app, events, { practitioners: 2 });
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(TUESDAY_9H));
    await app.ok(
      `mutation($input: SaveSiteCallSettingsInput!) { saveSiteCallSettings(input: $input) { siteId } }`,
      { input: { siteId: practice.siteId, bookingMotifId: motifId } },
      practice.admin,
    );
    for (const practitionerId of practice.practitioners)
      for (let hour = 8; hour < 18; hour++)
        app.scheduling.slots.push({
          practitionerId,
          siteId: practice.siteId,
          motifId,
          startsAt: `2027-03-03T${String(hour).padStart(2, '0')}:00:00.000Z`,
        });
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  async function bookingCall(label: string) {
    const { from, patientId } = knownPatientCalling(app, practice.practitioners[0]);
    const providerCallId = `${label}-${randomUUID()}`;
    const transcript = await driveCall(app, { providerCallId, from, to: practice.siteLine, digits: '1' });
    const [call] = await app.sql<{ outcome: string; message_reason: string | null }>(
      `select outcome, message_reason from call where provider_call_id = $1`,
      [providerCallId],
    );
    return { transcript, call, patientId };
  }

  it('books while scheduling answers, takes messages while it is down or too slow, and books again once it is back', async () => {
    const before = await bookingCall('up');
    expect(before.call).toEqual({ outcome: 'self_service_done', message_reason: null });

    // Stopped mid-run: the stub answers 503 like a scheduling whose database is gone.
    app.scheduling.api.down = true;
    const whileDown = [];
    for (let i = 0; i < 5; i++) whileDown.push(await bookingCall('down'));
    app.scheduling.api.down = false;
    // Too slow: past SCHEDULING_TIMEOUT_MS (800 ms) the call does not wait.
    app.scheduling.api.delayMs = 2_000;
    const whileSlow = await bookingCall('slow');
    app.scheduling.api.delayMs = 0;
    const after = await bookingCall('back');

    for (const { transcript, call } of [...whileDown, whileSlow]) {
      expect(transcript.failures).toEqual([]);
      expect(transcript.steps).toContainEqual(
        expect.objectContaining({ verb: 'record', prompt: expect.stringContaining("L'agenda n'est pas joignable") }),
      );
      expect(call).toEqual({ outcome: 'message_taken', message_reason: 'scheduling_unavailable' });
    }
    const messages = await app.events('call-routing.message.taken.v1');
    for (const { patientId } of [...whileDown, whileSlow])
      expect(messages).toContainEqual(
        expect.objectContaining({ patientId, reason: 'scheduling_unavailable', intent: 'book' }),
      );
    expect(after.call).toEqual({ outcome: 'self_service_done', message_reason: null });
    expect(app.scheduling.live().map((a) => a.patientId)).toEqual([before.patientId, after.patientId]);
  });

  it('still calls the caller back when they hang up without leaving the message', async () => {
    app.scheduling.api.down = true;
    const { from, patientId } = knownPatientCalling(app, null);
    const providerCallId = `hangup-${randomUUID()}`;
    await app.webhook('started', { providerCallId, from, to: practice.siteLine });
    await app.webhook('answered', { providerCallId, digits: '1' });
    await app.webhook('ended', { providerCallId, durationSeconds: 12 });
    app.scheduling.api.down = false;
    expect(await app.events('call-routing.message.taken.v1')).toContainEqual(
      expect.objectContaining({ patientId, reason: 'scheduling_unavailable', recordingSeconds: null }),
    );
    const [call] = await app.sql(`select outcome from call where provider_call_id = $1`, [providerCallId]);
    expect(call).toEqual({ outcome: 'message_taken' });
  });
});
