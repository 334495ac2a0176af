import { randomUUID } from 'node:crypto';
import { Clock } from '@msp/service-kit';
import { TestEventPublisher } from '@msp/testing';
import { CallRoutingTestApp } from './fixtures/call-routing-test-app';
import { knownPatientCalling, openPractice, phoneNumber, type Practice } from './fixtures/practice';

/** Monday 1 March 2027, 10:00 in Paris: the practice is open. */
const MONDAY_10H = new Date('2027-03-01T09:00:00Z');

describe('a call through the neutral webhook, from the first ring to the hang-up', () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  const motifId = randomUUID();

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('call_flow');
    events = await TestEventPublisher.start('call-routing-spec-flow');
    practice = await openPractice(app, events);
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(MONDAY_10H));
    await app.ok(
      `mutation($input: SaveSiteCallSettingsInput!) { saveSiteCallSettings(input: $input) { siteId } }`,
      { input: { siteId: practice.siteId, bookingMotifId: motifId } },
      practice.admin,
    );
    const [gp] = practice.practitioners;
    for (const hour of ['08', '09', '10', '11'])
      app.scheduling.slots.push({
        practitionerId: gp,
        siteId: practice.siteId,
        motifId,
        startsAt: `2027-03-02T${hour}:00:00.000Z`,
      });
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  function patientCalling(options: { passThrough?: boolean } = {}) {
    return { ...knownPatientCalling(app, practice.practitioners[0], options), providerCallId: `call-${randomUUID()}` };
  }

  it('greets the caller with the menu, then books the slot they choose: the appointment is confirmed in scheduling', async () => {
    const caller = patientCalling();
    const started = await app.webhook('started', {
      providerCallId: caller.providerCallId,
      from: caller.from,
      to: practice.siteLine,
    });
    expect(started.status).toBe(200);
    expect(started.body.steps).toEqual([
      expect.objectContaining({ verb: 'say' }),
      expect.objectContaining({ verb: 'gather', next: 'intent' }),
    ]);

    const offered = await app.webhook('answered', { providerCallId: caller.providerCallId, digits: '1' });
    expect(offered.body.decision).toMatchObject({ action: { type: 'self_service' }, ruleId: 'rendez-vous' });
    const [gather] = offered.body.steps as Array<{
      verb: string;
      next: string;
      choices: Array<{ digit: string; meaning: string }>;
    }>;
    expect(gather).toMatchObject({ verb: 'gather', next: 'slot-choice' });
    expect(gather.choices.map((c) => c.meaning)).toEqual([
      'mardi 2 mars à 9 h',
      'mardi 2 mars à 10 h',
      'mardi 2 mars à 11 h',
      'laisser un message',
    ]);

    const booked = await app.webhook('answered', { providerCallId: caller.providerCallId, digits: '2' });
    expect(booked.body.steps).toContainEqual({
      verb: 'say',
      text: expect.stringContaining('confirmé pour mardi 2 mars à 10 h'),
    });
    expect(app.scheduling.live()).toContainEqual(
      expect.objectContaining({
        patientId: caller.patientId,
        startsAt: '2027-03-02T09:00:00.000Z',
        status: 'confirmed',
      }),
    );

    expect((await app.webhook('ended', { providerCallId: caller.providerCallId, durationSeconds: 74 })).status).toBe(
      204,
    );
    const [call] = await app.sql<{ outcome: string; duration_seconds: number; rule_id: string }>(
      `select outcome, duration_seconds, rule_id from call where provider_call_id = $1`,
      [caller.providerCallId],
    );
    expect(call).toEqual({ outcome: 'self_service_done', duration_seconds: 74, rule_id: 'rendez-vous' });
    const ended = (await app.events('call-routing.call.ended.v1')).filter((e) => e.durationSeconds === 74);
    expect(ended).toEqual([expect.objectContaining({ outcome: 'self_service_done', handledWithoutHuman: true })]);
  });

  it('takes a message for a medical question while the doctor consults, and records it as a callback task', async () => {
    const caller = patientCalling();
    await app.webhook('started', { providerCallId: caller.providerCallId, from: caller.from, to: practice.siteLine });
    const decided = await app.webhook('answered', {
      providerCallId: caller.providerCallId,
      speech: "bonjour j'aurais une question pour le docteur au sujet de mon traitement pour la tension",
    });
    expect(decided.body.decision).toMatchObject({ action: { type: 'take_message' }, ruleId: 'message' });
    expect(decided.body.steps).toEqual([expect.objectContaining({ verb: 'record' })]);
    const thanked = await app.webhook('message', { providerCallId: caller.providerCallId, recordingSeconds: 31 });
    expect(thanked.body.steps).toContainEqual({ verb: 'hangup' });
    const messages = (await app.events('call-routing.message.taken.v1')).filter(
      (e) => e.patientId === caller.patientId,
    );
    expect(messages).toEqual([
      expect.objectContaining({ reason: 'rule', recordingSeconds: 31, practitionerId: practice.practitioners[0] }),
    ]);
  });

  it('sends a caller who says "il ne respire plus" to the 15, even after pressing the booking key', async () => {
    const caller = patientCalling();
    await app.webhook('started', { providerCallId: caller.providerCallId, from: caller.from, to: practice.siteLine });
    const decided = await app.webhook('answered', {
      providerCallId: caller.providerCallId,
      digits: '1',
      speech: 'venez vite mon mari il ne respire plus',
    });
    expect(decided.body.decision).toMatchObject({ action: { type: 'redirect_15' }, ruleId: 'urgences' });
    expect(decided.body.steps).toContainEqual({ verb: 'dial', number: '15', label: 'SAMU (15)' });
    const [call] = await app.sql<{ id: string }>(`select id from call where provider_call_id = $1`, [
      caller.providerCallId,
    ]);
    expect(await app.events('call-routing.emergency.redirected.v1')).toContainEqual(
      expect.objectContaining({ callId: call.id, trigger: 'keywords' }),
    );
  });

  it('answers a retried "started" with the same call and greeting, and journals the call once', async () => {
    const caller = patientCalling();
    const body = { providerCallId: caller.providerCallId, from: caller.from, to: practice.siteLine };
    const first = await app.webhook('started', body);
    const again = await app.webhook('started', body, { nowSeconds: Date.now() / 1000 + 1 });
    expect(again.body).toEqual(first.body);
    expect(await app.sql(`select id from call where provider_call_id = $1`, [caller.providerCallId])).toHaveLength(1);
  });

  it('refuses a call to a number that is no line of the platform, naming the field', async () => {
    const answer = await app.webhook('started', {
      providerCallId: 'call-unknown-line',
      from: phoneNumber(),
      to: phoneNumber(),
    });
    expect(answer).toEqual({
      status: 404,
      body: expect.objectContaining({ code: 'CALL_ROUTING.NOT_FOUND', field: 'to' }),
    });
  });
});
