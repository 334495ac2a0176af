import twilio from 'twilio';
import type { GatherNext, VoiceReply, VoiceStep } from '../../application/calls/voice-reply';

/**
 * A `VoiceReply` as TwiML, built with the official `VoiceResponse` (escaping and attribute names are Twilio's).
 *
 * Twilio leaves a document as soon as a verb with an `action` posts to it, so every verb but `say` must be the reply's
 * last step: anything after it would never be played. A reply breaking this is a bug of ours and is refused loudly.
 *
 * No call may be lost to silence:
 * - a `<Gather>` nobody answers falls through to the next verb: we ask once more (the same gather, inline, so no server
 *   state counts attempts), then invite the caller to leave a message, recorded like a `record` step;
 * - a `<Record>` that captured nothing does not post to its action (Twilio continues with the next verb), so a
 *   `<Redirect>` to the same `message` route follows it: the service hears of the call either way, without
 *   `RecordingUrl`, and can still call the number back.
 */

export interface TwimlRoutes {
  /** The absolute public URL Twilio posts to next: a gather's answer, a recorded message, or a dial/queue ending. */
  actionUrl(next: GatherNext | 'message' | 'status'): string;
}

/** Twilio's French neural voice (Amazon Polly), far more natural on the phone than the default one. */
export const FRENCH = { language: 'fr-FR', voice: 'Polly.Lea-Neural' } as const;

const RETRY_PREFIX = 'Je ne vous ai pas entendu. ';
const NO_ANSWER_MESSAGE =
  "Nous n'avons pas reçu de réponse. Laissez-nous un message après le bip : nom, numéro et motif, et nous vous rappellerons.";
const NO_ANSWER_MESSAGE_SECONDS = 120;

export function renderTwiml(reply: VoiceReply, routes: TwimlRoutes): string {
  const response = new twilio.twiml.VoiceResponse();
  const action = (next: GatherNext | 'message' | 'status') => absolute(routes.actionUrl(next), next);
  reply.steps.forEach((step, index) => {
    if (step.verb !== 'say' && index !== reply.steps.length - 1)
      throw new Error(`VoiceReply ${reply.callId}: a ${step.verb} step must be the last one, it hands the call over`);
    render(response, step, action);
  });
  return response.toString();
}

type Action = (next: GatherNext | 'message' | 'status') => string;

function render(response: twilio.twiml.VoiceResponse, step: VoiceStep, action: Action): void {
  switch (step.verb) {
    case 'say':
      response.say(FRENCH, step.text);
      return;
    case 'gather':
      gather(response, step, step.prompt, action);
      gather(response, step, RETRY_PREFIX + step.prompt, action);
      record(response, NO_ANSWER_MESSAGE, NO_ANSWER_MESSAGE_SECONDS, action);
      return;
    case 'dial':
      response.dial({ action: action('status'), method: 'POST' }).number(step.number);
      return;
    case 'enqueue':
      response.enqueue({ action: action('status'), method: 'POST' }, step.queue);
      return;
    case 'record':
      record(response, step.prompt, step.maxSeconds, action);
      return;
    case 'hangup':
      response.hangup();
      return;
  }
}

function gather(
  response: twilio.twiml.VoiceResponse,
  step: Extract<VoiceStep, { verb: 'gather' }>,
  prompt: string,
  action: Action,
): void {
  response
    .gather({
      input: step.input,
      language: FRENCH.language,
      action: action(step.next),
      method: 'POST',
      timeout: step.timeoutSeconds,
      ...(step.numDigits !== undefined && { numDigits: step.numDigits }),
      // Ends on the caller's pause rather than after a fixed silence; meaningless without speech.
      ...(step.input.includes('speech') && { speechTimeout: 'auto' }),
    })
    .say(FRENCH, prompt);
}

function record(response: twilio.twiml.VoiceResponse, prompt: string, maxSeconds: number, action: Action): void {
  response.say(FRENCH, prompt);
  response.record({ maxLength: maxSeconds, action: action('message'), method: 'POST', playBeep: true });
  response.redirect({ method: 'POST' }, action('message'));
}

// A relative action would resolve against whatever URL Twilio last fetched: a misrouted call, found only in production.
function absolute(url: string, next: string): string {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
    throw new Error(`TwiML action URL for "${next}" must be absolute (http or https), got "${url}"`);
  return url;
}
