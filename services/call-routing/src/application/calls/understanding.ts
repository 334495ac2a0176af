import { classifyTranscript } from '../../domain/intents/intent-classifier';
import { intentOfMenuChoice } from '../../domain/intents/menu-choice';
import type { Intent } from '../../domain/rulebook/rulebook';

export interface Understood {
  intent: Intent;
  urgent: boolean;
  trigger: 'keywords' | 'menu';
}

/**
 * What the caller wants, from the menu digit or the platform's French transcript; urgency words in the transcript win
 * over any digit. Null when nothing was said or pressed (the menu is asked again).
 */
export function understand(said: { digits?: string | null; speech?: string | null }): Understood | null {
  const speech = said.speech?.trim();
  const classified = speech ? classifyTranscript(speech) : null;
  if (classified?.urgent) return { intent: 'emergency', urgent: true, trigger: 'keywords' };
  const digits = said.digits?.trim();
  const chosen = digits ? intentOfMenuChoice(digits) : undefined;
  if (chosen) return { intent: chosen, urgent: chosen === 'emergency', trigger: 'menu' };
  if (classified) return { intent: classified.intent, urgent: false, trigger: 'keywords' };
  return digits ? { intent: 'other', urgent: false, trigger: 'menu' } : null;
}
