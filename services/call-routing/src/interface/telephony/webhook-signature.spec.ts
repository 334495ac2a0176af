import { createHmac } from 'node:crypto';
import { CallRoutingErrorCode } from '../../domain/call-routing-error';
import { signWebhook, verifyWebhook, webhookRefusalError, type VerifyWebhookInput } from './webhook-signature';

const CURRENT = 'whsec_current_0123456789';
const PREVIOUS = 'whsec_previous_9876543210';
const NOW = 1_806_000_000; // 2027-03-30
const BODY = JSON.stringify({ event: 'call.started', callId: 'c-1', from: '+33612345678', to: '+33140000000' });

const verify = (header: VerifyWebhookInput['header'], overrides: Partial<VerifyWebhookInput> = {}) =>
  verifyWebhook({ header, rawBody: BODY, secrets: [CURRENT, PREVIOUS], nowSeconds: NOW, ...overrides });

describe('the neutral webhook signature (X-Msp-Signature)', () => {
  it('accepts a body signed with the current secret, as an independent HMAC-SHA256 of "<t>.<body>" computes it', () => {
    const independent = createHmac('sha256', CURRENT).update(`${NOW}.${BODY}`).digest('hex');
    expect(signWebhook(CURRENT, BODY, NOW)).toBe(`t=${NOW},v1=${independent}`);
    expect(verify(`t=${NOW},v1=${independent}`)).toMatchObject({ ok: true, timestamp: NOW });
  });

  it('accepts the raw bytes as a Buffer just as the same text', () => {
    expect(verify(signWebhook(CURRENT, BODY, NOW), { rawBody: Buffer.from(BODY) }).ok).toBe(true);
  });

  it('still accepts the previous secret during a rotation, and a header carrying one v1 per secret', () => {
    expect(verify(signWebhook(PREVIOUS, BODY, NOW)).ok).toBe(true);
    expect(verify(signWebhook([PREVIOUS, CURRENT], BODY, NOW)).ok).toBe(true);
    expect(verify(signWebhook([PREVIOUS, 'an-unknown-secret'], BODY, NOW)).ok).toBe(true);
  });

  it('refuses a secret it does not know, once the rotation dropped it', () => {
    const header = signWebhook(PREVIOUS, BODY, NOW);
    expect(verify(header, { secrets: [CURRENT] })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verify(signWebhook('whsec_attacker', BODY, NOW))).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a body changed after signing, even by one character', () => {
    const header = signWebhook(CURRENT, BODY, NOW);
    expect(verify(header, { rawBody: BODY.replace('+33612345678', '+33612345679') })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses a signature re-dated to now: the timestamp is part of what is signed', () => {
    const old = signWebhook(CURRENT, BODY, NOW - 3_600);
    const redated = old.replace(`t=${NOW - 3_600}`, `t=${NOW}`);
    expect(verify(redated)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a timestamp older than five minutes, and one more than five minutes ahead', () => {
    expect(verify(signWebhook(CURRENT, BODY, NOW - 300)).ok).toBe(true);
    expect(verify(signWebhook(CURRENT, BODY, NOW - 301))).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verify(signWebhook(CURRENT, BODY, NOW + 300)).ok).toBe(true);
    expect(verify(signWebhook(CURRENT, BODY, NOW + 301))).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verify(signWebhook(CURRENT, BODY, NOW - 60), { toleranceSeconds: 30 })).toEqual({
      ok: false,
      reason: 'stale_timestamp',
    });
  });

  it('tells a missing header from a malformed one', () => {
    expect(verify(undefined)).toEqual({ ok: false, reason: 'missing_header' });
    expect(verify('')).toEqual({ ok: false, reason: 'missing_header' });
    const v1 = signWebhook(CURRENT, BODY, NOW).split(',')[1];
    for (const malformed of [
      'sha256=abc',
      v1, // no timestamp
      `t=${NOW}`, // no signature
      `t=${NOW},t=${NOW},${v1}`, // two timestamps
      `t=yesterday,${v1}`,
      `t=${NOW},v1=not-hex`,
      `t=${NOW},${v1.slice(0, -2)}`, // truncated HMAC
      `t=${NOW},${v1.toUpperCase().replace('V1', 'v1')}`, // hex must be lower-case
      `t=${NOW},${v1},${v1},${v1},${v1},${v1}`, // more signatures than any rotation needs
      `t=${NOW},${v1},garbage`,
      `t=${NOW},${'v0=x,'.repeat(300)}${v1}`, // oversized
    ])
      expect([malformed, verify(malformed)]).toEqual([malformed, { ok: false, reason: 'malformed' }]);
    expect(verify([signWebhook(CURRENT, BODY, NOW), signWebhook(CURRENT, BODY, NOW)])).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('reads the header whether Node gives it as text or as a one-value list, and ignores unknown schemes', () => {
    const header = signWebhook(CURRENT, BODY, NOW);
    expect(verify([header]).ok).toBe(true);
    expect(verify(`${header}, v0=legacy`).ok).toBe(true);
  });

  it('gives the same replay key to the same request whatever signatures it carries, and another to a new one', () => {
    const both = verify(signWebhook([CURRENT, PREVIOUS], BODY, NOW));
    const previousOnly = verify(signWebhook(PREVIOUS, BODY, NOW));
    const later = verify(signWebhook(CURRENT, BODY, NOW + 1));
    if (!both.ok || !previousOnly.ok || !later.ok) throw new Error('expected three valid signatures');
    expect(previousOnly.replayKey).toBe(both.replayKey);
    expect(later.replayKey).not.toBe(both.replayKey);
    // Remembered until the timestamp check would refuse the request anyway.
    expect(both.replayExpiresAt).toEqual(new Date((NOW + 300) * 1000));
  });

  it('refuses to sign or verify without a secret: a configuration mistake, not a bad request', () => {
    expect(() => verify(signWebhook(CURRENT, BODY, NOW), { secrets: [] })).toThrow(/non-empty secret/);
    expect(() => signWebhook('', BODY, NOW)).toThrow(/non-empty secret/);
  });

  it('turns every refusal into a forbidden BAD_SIGNATURE error naming the header', () => {
    for (const reason of ['missing_header', 'malformed', 'stale_timestamp', 'bad_signature', 'replayed'] as const) {
      const error = webhookRefusalError(reason);
      expect(error).toMatchObject({ code: CallRoutingErrorCode.BadSignature, kind: 'forbidden' });
      expect(error.message).toMatch(/^X-Msp-Signature: /);
    }
    expect(webhookRefusalError('stale_timestamp').message).toContain('too far from now');
    expect(webhookRefusalError('replayed').message).toContain('already received');
  });
});
