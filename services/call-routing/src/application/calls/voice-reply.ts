import type { DecidedAction } from '../../domain/rulebook/decision.types';

/**
 * What the telephony platform must do next on a call, in provider-neutral steps played in order. The neutral webhook
 * answers it as JSON; the Twilio adapter renders it as TwiML (`<Say>`, `<Gather>`, `<Dial>`, `<Enqueue>`, `<Record>`,
 * `<Hangup>`). Texts are French, spoken to the caller.
 */
export type VoiceStep =
  | { verb: 'say'; text: string }
  /**
   * Ask and wait: the answer (digits or speech) is posted to the call's `next` event (`intent`, `slot-choice`,
   * `appointment-choice`). `choices` documents what each digit means.
   */
  | {
      verb: 'gather';
      input: Array<'dtmf' | 'speech'>;
      prompt: string;
      next: GatherNext;
      timeoutSeconds: number;
      numDigits?: number;
      choices?: Array<{ digit: string; meaning: string }>;
    }
  /** Ring a number (a desk, a colleague, the 15); `label` says whom, for logs and the console. */
  | { verb: 'dial'; number: string; label: string }
  /** Put the caller in a human queue (the remote secretary). */
  | { verb: 'enqueue'; queue: string }
  /** Record a message; the recording's end is posted to the call's `message` event. */
  | { verb: 'record'; prompt: string; maxSeconds: number }
  | { verb: 'hangup' };

export type GatherNext = 'intent' | 'slot-choice' | 'appointment-choice';

export interface VoiceReply {
  /** The platform's call id (opaque; the provider's own id is kept beside it in the journal). */
  callId: string;
  /** The decision this reply carries out, when one was taken at this step. */
  decision: { action: DecidedAction; ruleId: string | null; explanation: string } | null;
  steps: VoiceStep[];
}
