import type { Intent } from '../../rulebook/rulebook';

/** One thing a caller said (as a speech-to-text engine would hand it over) and what they actually wanted. */
export interface LabelledPhrasing {
  text: string;
  intent: Intent;
}
