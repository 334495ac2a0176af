import { Body, Controller, HttpCode, Inject, Post, Req, type RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import type { TelephonyActor } from '../../application/actor';
import { CallProgressHandler } from '../../application/calls/call-progress.handler';
import { StartCallHandler } from '../../application/calls/start-call.handler';
import type { TelephonyCallEvent } from '../../application/calls/telephony-call.input';
import type { VoiceReply } from '../../application/calls/voice-reply';
import { ReplayGuard } from '../../application/ports/replay-guard';
import { CallRoutingError } from '../../domain/call-routing-error';
import { TELEPHONY_SETTINGS, type TelephonySettings } from './telephony-settings';
import { verifyWebhook, WEBHOOK_SIGNATURE_HEADER, webhookRefusalError } from './webhook-signature';

const ACTOR: TelephonyActor = { kind: 'telephony', provider: 'webhook' };

/**
 * The provider-neutral telephony webhook (CAL-6): a telephony or IVR platform reports a call's events as JSON and gets
 * what to do next (the decision and the voice steps). Every request is signed (`X-Msp-Signature`, HMAC-SHA256 over
 * the timestamp and the raw body); an old timestamp or a request already received is refused. Each event carries the
 * platform's own unique `eventId`, so that two identical events in the same second are not taken for a replay.
 */
@Controller('telephony/calls')
export class NeutralWebhookController {
  constructor(
    @Inject(TELEPHONY_SETTINGS) private readonly settings: TelephonySettings,
    private readonly replays: ReplayGuard,
    private readonly starts: StartCallHandler,
    private readonly progress: CallProgressHandler,
  ) {}

  /** A call reached a line: `{ providerCallId, from, to, digits?, speech? }`. */
  @Post('started')
  @HttpCode(200)
  async started(@Req() request: RawBodyRequest<Request>, @Body() body: unknown): Promise<VoiceReply> {
    return this.starts.execute(ACTOR, await this.verified(request, body));
  }

  /** The caller answered the last menu: `{ providerCallId, digits?, speech? }` (the intent, a slot, an appointment). */
  @Post('answered')
  @HttpCode(200)
  async answered(@Req() request: RawBodyRequest<Request>, @Body() body: unknown): Promise<VoiceReply> {
    return this.progress.answered(ACTOR, await this.verified(request, body));
  }

  /** The caller's message is recorded: `{ providerCallId, recordingSeconds? }`. */
  @Post('message')
  @HttpCode(200)
  async message(@Req() request: RawBodyRequest<Request>, @Body() body: unknown): Promise<VoiceReply> {
    return this.progress.messageRecorded(ACTOR, await this.verified(request, body));
  }

  /** The call is over: `{ providerCallId, durationSeconds?, queueWaitSeconds? }`. */
  @Post('ended')
  @HttpCode(204)
  async ended(@Req() request: RawBodyRequest<Request>, @Body() body: unknown): Promise<void> {
    await this.progress.ended(ACTOR, await this.verified(request, body));
  }

  private async verified(request: RawBodyRequest<Request>, body: unknown): Promise<TelephonyCallEvent> {
    const verification = verifyWebhook({
      header: request.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()],
      rawBody: request.rawBody ?? Buffer.alloc(0),
      secrets: this.settings.webhookSecrets,
      nowSeconds: Date.now() / 1000,
    });
    if (!verification.ok) throw webhookRefusalError(verification.reason);
    if (!(await this.replays.remember(verification.replayKey, verification.replayExpiresAt)))
      throw webhookRefusalError('replayed');
    return callEventOf(body);
  }
}

/** The JSON body as a call event, each field checked by type (the handlers check the values). */
function callEventOf(body: unknown): TelephonyCallEvent {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw CallRoutingError.invalid('body', 'must be a JSON object');
  const b = body as Record<string, unknown>;
  const text = (name: string) => {
    const value = b[name];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') throw CallRoutingError.invalid(name, 'must be text');
    return value;
  };
  const count = (name: string) => {
    const value = b[name];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number') throw CallRoutingError.invalid(name, 'must be a number of seconds');
    return value;
  };
  text('eventId');
  return {
    providerCallId: text('providerCallId') ?? '',
    from: text('from'),
    to: text('to'),
    digits: text('digits'),
    speech: text('speech'),
    recordingSeconds: count('recordingSeconds'),
    durationSeconds: count('durationSeconds'),
    queueWaitSeconds: count('queueWaitSeconds'),
  };
}
