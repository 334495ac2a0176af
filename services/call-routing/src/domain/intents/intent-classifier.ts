import { callRoutingInput } from '../call-routing-error';
import type { Intent } from '../rulebook/rulebook';
import { INTENT_PATTERNS, type IntentPattern } from './intent-patterns';
import { normaliseTranscript } from './normalise-transcript';
import { soundsUrgent, urgencyExpressionsIn } from './urgency-expressions';

export interface IntentClassification {
  intent: Intent;
  /** True exactly when an urgency expression was heard: the intent is then `emergency`, whatever else was said. */
  urgent: boolean;
  /** 0 when nothing was recognised, 1 for an emergency; otherwise how clearly the winner leads (see below). */
  confidence: number;
  /** What was heard, `intent: label` for every pattern that scored (`emergency: …` for urgency expressions). */
  matched: string[];
}

/**
 * Who wins a tie, first first: the more specific request before the more general one. A professional calling is
 * routed as such whatever they ask about; cancelling and moving name an existing appointment, which a booking word
 * alongside does not change; advice and information are what a vaguer call most often turns out to be.
 */
export const TIE_BREAK_ORDER: readonly Exclude<Intent, 'emergency'>[] = [
  'colleague',
  'cancel',
  'move',
  'book',
  'prescription',
  'results',
  'administrative',
  'advice',
  'information',
  'other',
];

/** Named in `matched` when the caller only said it was urgent. */
const URGENT_WITH_NOTHING_ELSE = 'urgence sans autre motif';

/** One pattern of this weight is a clear statement of intent; less evidence lowers the confidence in proportion. */
const CLEAR_EVIDENCE = 3;

/**
 * The caller's intent in a French transcript. Urgency first: any urgency expression makes it `emergency` (urgent).
 * Otherwise every intent sums the weights of its patterns heard; the highest sum wins, ties broken by TIE_BREAK_ORDER;
 * when nothing scored, `emergency` if the caller said it was urgent (the safe side), else `other` with confidence 0. Confidence = (winner's share of all scores) × min(1, winner's
 * score / CLEAR_EVIDENCE), rounded to 2 decimals.
 */
export function classifyTranscript(text: string): IntentClassification {
  const normalised = normaliseTranscript(callRoutingInput.text(text, 'transcript'));

  const urgencies = urgencyExpressionsIn(normalised);
  if (urgencies.length > 0)
    return {
      intent: 'emergency',
      urgent: true,
      confidence: 1,
      matched: urgencies.map((label) => `emergency: ${label}`),
    };

  const scores = new Map<IntentPattern['intent'], number>();
  const matched: string[] = [];
  for (const { intent, label, weight, pattern } of INTENT_PATTERNS) {
    if (!pattern.test(normalised)) continue;
    scores.set(intent, (scores.get(intent) ?? 0) + weight);
    matched.push(`${intent}: ${label}`);
  }
  if (scores.size === 0)
    return soundsUrgent(normalised)
      ? { intent: 'emergency', urgent: true, confidence: 1, matched: [`emergency: ${URGENT_WITH_NOTHING_ELSE}`] }
      : { intent: 'other', urgent: false, confidence: 0, matched };

  let winner: IntentPattern['intent'] = 'other';
  let best = 0;
  let total = 0;
  for (const intent of TIE_BREAK_ORDER) {
    const score = scores.get(intent) ?? 0;
    total += score;
    if (score > best) [winner, best] = [intent, score];
  }
  const confidence = (best / total) * Math.min(1, best / CLEAR_EVIDENCE);
  return { intent: winner, urgent: false, confidence: Math.round(confidence * 100) / 100, matched };
}
