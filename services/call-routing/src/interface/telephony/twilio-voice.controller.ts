import {
  Controller,
  Header,
  HttpCode,
  Inject,
  NotFoundException,
  Post,
  Req,
  type RawBodyRequest,
} from '@nestjs/common';
import type { Request } from 'express';
import type { TelephonyActor } from '../../application/actor';
import { CallProgressHandler } from '../../application/calls/call-progress.handler';
import { StartCallHandler } from '../../application/calls/start-call.handler';
import type { TelephonyCallEvent } from '../../application/calls/telephony-call.input';
import type { VoiceReply } from '../../application/calls/voice-reply';
import { CallRoutingError, CallRoutingErrorCode } from '../../domain/call-routing-error';
import { TELEPHONY_SETTINGS, type TelephonySettings } from './telephony-settings';
import { renderTwiml } from './twiml';
import {
  isSignedByTwilio,
  readTwilioCallEvent,
  readTwilioForm,
  twilioPublicUrl,
  type TwilioCallEvent,
} from './twilio-request';

const ACTOR: TelephonyActor = { kind: 'telephony', provider: 'twilio' };
const TWILIO_SIGNATURE = 'x-twilio-signature';

/**
 * Twilio Programmable Voice (CAL-6): the number's Voice URL is `/telephony/twilio/voice`, its status callback
 * `/telephony/twilio/status`; the TwiML we answer posts the caller's answers back to the other routes. Every request
 * must carry Twilio's `X-Twilio-Signature` over the public URL and the form fields; answers are TwiML.
 */
@Controller('telephony/twilio')
export class TwilioVoiceController {
  constructor(
    @Inject(TELEPHONY_SETTINGS) private readonly settings: TelephonySettings,
    private readonly starts: StartCallHandler,
    private readonly progress: CallProgressHandler,
  ) {}

  @Post('voice')
  @HttpCode(200)
  @Header('content-type', 'text/xml; charset=utf-8')
  async voice(@Req() request: RawBodyRequest<Request>): Promise<string> {
    return this.twiml(await this.starts.execute(ACTOR, this.verified(request)));
  }

  @Post(['intent', 'slot-choice', 'appointment-choice'])
  @HttpCode(200)
  @Header('content-type', 'text/xml; charset=utf-8')
  async answered(@Req() request: RawBodyRequest<Request>): Promise<string> {
    return this.twiml(await this.progress.answered(ACTOR, this.verified(request)));
  }

  @Post('message')
  @HttpCode(200)
  @Header('content-type', 'text/xml; charset=utf-8')
  async message(@Req() request: RawBodyRequest<Request>): Promise<string> {
    return this.twiml(await this.progress.messageRecorded(ACTOR, this.verified(request)));
  }

  /**
   * A transfer or queue ended (the `<Dial>`/`<Enqueue>` action), or the call itself (status callback): an unanswered
   * transfer becomes a message; a completed call is closed in the journal.
   */
  @Post('status')
  @HttpCode(200)
  @Header('content-type', 'text/xml; charset=utf-8')
  async status(@Req() request: RawBodyRequest<Request>): Promise<string> {
    const event = this.verified(request);
    if (event.unanswered) return this.twiml(await this.progress.handOverFailed(ACTOR, event));
    if (event.callOver) await this.progress.ended(ACTOR, event);
    return '<?xml version="1.0" encoding="UTF-8"?><Response/>';
  }

  private verified(request: RawBodyRequest<Request>): TelephonyCallEvent & { unanswered: boolean; callOver: boolean } {
    const token = this.settings.twilioAuthToken;
    if (!token) throw new NotFoundException();
    const params = readTwilioForm((request.rawBody ?? Buffer.alloc(0)).toString('utf8'));
    const signed = isSignedByTwilio({
      authToken: token,
      signature: request.headers[TWILIO_SIGNATURE],
      url: twilioPublicUrl(this.settings.publicBaseUrl, request.originalUrl),
      params,
    });
    if (!signed)
      throw new CallRoutingError(
        CallRoutingErrorCode.BadSignature,
        'X-Twilio-Signature: the signature does not match this URL and these parameters',
        'X-Twilio-Signature',
      );
    return neutral(readTwilioCallEvent(params));
  }

  private twiml(reply: VoiceReply): string {
    return renderTwiml(reply, { actionUrl: (next) => `${this.settings.publicBaseUrl}/telephony/twilio/${next}` });
  }
}

function neutral(event: TwilioCallEvent): TelephonyCallEvent & { unanswered: boolean; callOver: boolean } {
  const dialFailed = event.dialStatus !== undefined && !['completed', 'answered'].includes(event.dialStatus);
  const queueFailed =
    event.queueResult !== undefined && !['bridged', 'redirected', 'hangup'].includes(event.queueResult);
  return {
    providerCallId: event.providerCallId,
    from: event.from,
    to: event.to,
    digits: event.digits ?? null,
    speech: event.speech ?? null,
    recordingSeconds: event.recordingDurationSeconds ?? null,
    durationSeconds: event.durationSeconds ?? null,
    unanswered: dialFailed || queueFailed,
    callOver:
      event.status === 'completed' ||
      event.status === 'busy' ||
      event.status === 'no-answer' ||
      event.status === 'failed' ||
      event.status === 'canceled',
  };
}
