import { createHmac } from 'node:crypto';

/**
 * The neutral webhook's `X-Msp-Signature` for one body: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. A
 * copy of call routing's `signWebhook` (services/call-routing/src/interface/telephony/webhook-signature.ts), as a
 * telephony platform would compute it: the bench may import no service. The service refusing it would fail the run.
 */
export function signWebhook(secret: string, rawBody: string, nowSeconds: number): string {
  const timestamp = Math.floor(nowSeconds);
  const signature = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

export type CallEvent = 'started' | 'answered' | 'message' | 'ended';

/** What the bench reads of a voice reply: the decision taken at this step and the steps the platform must play. */
export interface VoiceReplySeen {
  decision: { action: { type: string }; ruleId: string | null } | null;
  steps: Array<{ verb: string; next?: string; text?: string }>;
}

export interface WebhookAnswer {
  status: number;
  latencyMs: number;
  /** The reply, for the events that answer one (all but `ended`, which answers 204). */
  reply?: VoiceReplySeen;
  /** A network failure or an unreadable answer. */
  failure?: string;
}

/**
 * Posts a call's events as a telephony platform does, each body signed at the instant it is sent. `baseUrl` is the
 * gateway (the public route a platform reaches) or call routing's public listener.
 */
export function telephonyWebhook(baseUrl: string, secret: string) {
  return async (event: CallEvent, body: Record<string, unknown>): Promise<WebhookAnswer> => {
    const raw = JSON.stringify(body);
    const before = performance.now();
    try {
      const response = await fetch(`${baseUrl}/telephony/calls/${event}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-msp-signature': signWebhook(secret, raw, Date.now() / 1000) },
        body: raw,
      });
      const text = await response.text();
      const latencyMs = performance.now() - before;
      if (!response.ok) return { status: response.status, latencyMs, failure: text.slice(0, 200) };
      return { status: response.status, latencyMs, ...(text ? { reply: JSON.parse(text) as VoiceReplySeen } : {}) };
    } catch (error) {
      return { status: 0, latencyMs: performance.now() - before, failure: (error as Error).message };
    }
  };
}
