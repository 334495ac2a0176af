import { randomUUID } from 'node:crypto';
import { TestEventPublisher } from '@msp/testing';
import { signWebhook } from '../src/interface/telephony/webhook-signature';
import { CallRoutingTestApp, WEBHOOK_SECRET } from './fixtures/call-routing-test-app';
import { openPractice, phoneNumber, type Practice } from './fixtures/practice';

const PREVIOUS_SECRET = 'previous-webhook-secret-0123456789abcdef-rotation';

describe('the telephony webhook accepts only signed, fresh, first-time requests', () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;
  let practice: Practice;

  beforeAll(async () => {
    // Mid-rotation: the new secret first, the previous one still accepted.
    app = await CallRoutingTestApp.start('webhook_security', {
      TELEPHONY_WEBHOOK_SECRETS: `${WEBHOOK_SECRET},${PREVIOUS_SECRET}`,
    });
    events = await TestEventPublisher.start('call-routing-spec-webhook');
    practice = await openPractice(app, events, { practitioners: 1 });
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  const started = () => ({
    eventId: randomUUID(),
    providerCallId: `sec-${randomUUID()}`,
    from: phoneNumber(),
    to: practice.siteLine,
  });
  const post = (raw: string, signature?: string) =>
    fetch(`${app.publicUrl}/telephony/calls/started`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-msp-signature': signature } : {}) },
      body: raw,
    });
  const journaled = async (providerCallId: string) =>
    (await app.sql(`select 1 from call where provider_call_id = $1`, [providerCallId])).length;
  const now = () => Date.now() / 1000;

  it.each([
    ['no signature', () => undefined, 'the request is not signed'],
    ['a malformed header', () => 'sha256=abc', 'must read t=<unix seconds>,v1=<hex HMAC-SHA256>'],
    [
      'another secret',
      (raw: string) => signWebhook('someone-else-secret-0123456789abcdef-xx', raw, now()),
      'does not match',
    ],
    ['a timestamp 6 minutes old', (raw: string) => signWebhook(WEBHOOK_SECRET, raw, now() - 360), 'too far from now'],
    ['a timestamp 6 minutes ahead', (raw: string) => signWebhook(WEBHOOK_SECRET, raw, now() + 360), 'too far from now'],
  ])('refuses %s with 403, naming the header, and writes nothing', async (_case, sign, reason) => {
    const body = started();
    const raw = JSON.stringify(body);
    const answer = await post(raw, sign(raw));
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({
      code: 'CALL_ROUTING.BAD_SIGNATURE',
      field: 'X-Msp-Signature',
      message: expect.stringContaining(reason),
    });
    expect(await journaled(body.providerCallId)).toBe(0);
  });

  it('refuses a body changed after signing', async () => {
    const body = started();
    const signature = signWebhook(WEBHOOK_SECRET, JSON.stringify(body), now());
    const answer = await post(JSON.stringify({ ...body, to: phoneNumber() }), signature);
    expect(answer.status).toBe(403);
    expect(await journaled(body.providerCallId)).toBe(0);
  });

  it('refuses the same signed request a second time (a replay)', async () => {
    const body = started();
    const raw = JSON.stringify(body);
    const signature = signWebhook(WEBHOOK_SECRET, raw, now());
    expect((await post(raw, signature)).status).toBe(200);
    const replayed = await post(raw, signature);
    expect(replayed.status).toBe(403);
    expect(await replayed.json()).toMatchObject({ message: expect.stringContaining('already received') });
    expect(await journaled(body.providerCallId)).toBe(1);
  });

  it('accepts the previous secret during a rotation', async () => {
    const body = started();
    const raw = JSON.stringify(body);
    expect((await post(raw, signWebhook(PREVIOUS_SECRET, raw, now()))).status).toBe(200);
    expect(await journaled(body.providerCallId)).toBe(1);
  });

  it('serves the webhooks on the public listener only, and nothing else there', async () => {
    const raw = JSON.stringify(started());
    const onPrivatePort = await fetch(`${app.url}/telephony/calls/started`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-msp-signature': signWebhook(WEBHOOK_SECRET, raw, now()) },
      body: raw,
    });
    expect(onPrivatePort.status).toBe(404);
    const graphqlOnPublic = await fetch(`${app.publicUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(graphqlOnPublic.status).toBe(404);
    expect((await fetch(`${app.publicUrl}/metrics`)).status).toBe(404);
  });
});
