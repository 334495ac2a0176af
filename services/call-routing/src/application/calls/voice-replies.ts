import { DateTime } from 'luxon';
import type { Decision } from '../../domain/rulebook/decision.types';
import { MENU_CHOICES, MENU_PROMPT } from '../../domain/intents/menu-choice';
import type { CallerAppointment, OfferedSlot } from '../ports/agenda.port';
import type { MessageReason } from '../ports/call-journal.repository';
import type { VoiceReply, VoiceStep } from './voice-reply';

/** How long the caller has to answer a menu, and to leave a message. */
const GATHER_SECONDS = 6;
const MESSAGE_SECONDS = 120;

const decisionOf = (decision: Decision | null): VoiceReply['decision'] =>
  decision ? { action: decision.action, ruleId: decision.ruleId, explanation: decision.explanation } : null;

/** The greeting and the menu: « Pour prendre rendez-vous, tapez 1 ou dites-le… ». */
export function askIntent(callId: string, siteName: string | null, again = false): VoiceReply {
  const greeting = again
    ? "Je n'ai pas compris votre demande."
    : `Bonjour, ${siteName ? `ici ${siteName}` : 'vous êtes bien au cabinet médical'}. En cas d'urgence vitale, raccrochez et composez le 15.`;
  return {
    callId,
    decision: null,
    steps: [
      { verb: 'say', text: greeting },
      {
        verb: 'gather',
        input: ['dtmf', 'speech'],
        prompt: MENU_PROMPT,
        next: 'intent',
        timeoutSeconds: GATHER_SECONDS,
        numDigits: 1,
        choices: MENU_CHOICES.map((c) => ({ digit: c.digit, meaning: c.meaning })),
      },
    ],
  };
}

export function dial(decision: Decision, number: string, label: string, callId: string, say: string): VoiceReply {
  return {
    callId,
    decision: decisionOf(decision),
    steps: [
      { verb: 'say', text: say },
      { verb: 'dial', number, label },
    ],
  };
}

export function redirectTo15(decision: Decision, callId: string): VoiceReply {
  return {
    callId,
    decision: decisionOf(decision),
    steps: [
      {
        verb: 'say',
        text: 'Votre appel semble urgent. Nous vous mettons en relation avec le SAMU, le 15. Si la communication est coupée, composez le 15.',
      },
      { verb: 'dial', number: '15', label: 'SAMU (15)' },
    ],
  };
}

export function enqueue(decision: Decision, callId: string, queue: string): VoiceReply {
  return {
    callId,
    decision: decisionOf(decision),
    steps: [
      { verb: 'say', text: 'Votre appel va être pris par notre secrétariat. Merci de patienter.' },
      { verb: 'enqueue', queue },
    ],
  };
}

const MESSAGE_PROMPTS: Record<MessageReason, string> = {
  rule: 'Le praticien ne peut pas vous répondre maintenant.',
  fallback: 'Nous ne pouvons pas vous répondre maintenant.',
  scheduling_unavailable: "L'agenda n'est pas joignable pour le moment.",
  caller_not_identified: "Nous n'avons pas pu vous identifier par votre numéro pour gérer vos rendez-vous.",
  no_slot: "Nous n'avons pas de créneau à vous proposer par téléphone.",
};

/** Every path that cannot be served ends here: the caller is called back, the call is never lost (CAL-7). */
export function takeMessage(decision: Decision | null, callId: string, reason: MessageReason): VoiceReply {
  return {
    callId,
    decision: decisionOf(decision),
    steps: [
      {
        verb: 'record',
        prompt: `${MESSAGE_PROMPTS[reason]} Laissez votre message après le bip, avec votre nom et votre numéro : nous vous rappellerons.`,
        maxSeconds: MESSAGE_SECONDS,
      },
    ],
  };
}

export function inform(decision: Decision, callId: string, sentences: string[]): VoiceReply {
  return {
    callId,
    decision: decisionOf(decision),
    steps: [
      ...sentences.map((text): VoiceStep => ({ verb: 'say', text })),
      { verb: 'say', text: 'Au revoir.' },
      { verb: 'hangup' },
    ],
  };
}

const spokenInstant = (iso: string, timeZone: string) =>
  DateTime.fromISO(iso, { zone: timeZone })
    .setLocale('fr')
    .toFormat("cccc d LLLL 'à' H 'h' mm")
    .replace(/ h 00$/, ' h');

/** « Pour <what>, tapez 1. … Pour laisser un message, tapez 0. »: a numbered choice, 0 always leaves a message. */
function numberedChoice(
  decision: Decision | null,
  callId: string,
  next: 'slot-choice' | 'appointment-choice',
  options: Array<{ meaning: string; spoken: string }>,
): VoiceReply {
  const choices = options.map((option, i) => ({ digit: String(i + 1), ...option }));
  return {
    callId,
    decision: decisionOf(decision),
    steps: [
      {
        verb: 'gather',
        input: ['dtmf'],
        prompt: `${choices.map((c) => `Pour ${c.spoken}, tapez ${c.digit}.`).join(' ')} Pour laisser un message, tapez 0.`,
        next,
        timeoutSeconds: GATHER_SECONDS,
        numDigits: 1,
        choices: [
          ...choices.map(({ digit, meaning }) => ({ digit, meaning })),
          { digit: '0', meaning: 'laisser un message' },
        ],
      },
    ],
  };
}

export function offerSlots(
  decision: Decision | null,
  callId: string,
  slots: OfferedSlot[],
  timeZone: string,
): VoiceReply {
  return numberedChoice(
    decision,
    callId,
    'slot-choice',
    slots.map((slot) => {
      const when = spokenInstant(slot.startsAt, timeZone);
      return { meaning: when, spoken: when };
    }),
  );
}

export function offerAppointments(
  decision: Decision | null,
  callId: string,
  appointments: CallerAppointment[],
  timeZone: string,
  verb: 'déplacer' | 'annuler',
): VoiceReply {
  return numberedChoice(
    decision,
    callId,
    'appointment-choice',
    appointments.map((a) => {
      const meaning = `votre rendez-vous du ${spokenInstant(a.startsAt, timeZone)}`;
      return { meaning, spoken: `${verb} ${meaning}` };
    }),
  );
}

export function done(callId: string, text: string, decision: Decision | null = null): VoiceReply {
  return {
    callId,
    decision: decisionOf(decision),
    steps: [{ verb: 'say', text }, { verb: 'say', text: 'Au revoir.' }, { verb: 'hangup' }],
  };
}

export const bookedText = (startsAt: string, timeZone: string) =>
  `Votre rendez-vous est confirmé pour ${spokenInstant(startsAt, timeZone)}. Un rappel vous sera envoyé.`;
export const movedText = (startsAt: string, timeZone: string) =>
  `Votre rendez-vous est déplacé au ${spokenInstant(startsAt, timeZone)}.`;
export const CANCELLED_TEXT = 'Votre rendez-vous est annulé. Le créneau est libéré pour un autre patient.';
export const MESSAGE_THANKS = 'Merci, votre message est enregistré. Nous vous rappellerons.';
