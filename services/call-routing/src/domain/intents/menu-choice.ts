import type { Intent } from '../rulebook/rulebook';

export interface MenuChoice {
  /** The DTMF key the caller presses. */
  digit: string;
  intent: Intent;
  /** What the voice says for this key, in French. */
  meaning: string;
}

/**
 * The telephony menu. Moving and cancelling are separate keys because self-service does different things for them;
 * 9 is the emergency key (the prompt first tells callers in danger to dial 15); 0 reaches a person at the desk, which
 * the rulebook sees as `other`; professionals press the star so that they never wait behind the patients' menu.
 */
export const MENU_CHOICES: readonly MenuChoice[] = [
  { digit: '1', intent: 'book', meaning: 'prendre un rendez-vous' },
  { digit: '2', intent: 'move', meaning: 'déplacer un rendez-vous' },
  { digit: '3', intent: 'cancel', meaning: 'annuler un rendez-vous' },
  { digit: '4', intent: 'prescription', meaning: 'un renouvellement d’ordonnance' },
  { digit: '5', intent: 'results', meaning: 'des résultats d’examens' },
  { digit: '6', intent: 'advice', meaning: 'un conseil médical' },
  { digit: '7', intent: 'administrative', meaning: 'un certificat ou un document administratif' },
  { digit: '8', intent: 'information', meaning: 'les horaires et l’adresse du cabinet' },
  { digit: '9', intent: 'emergency', meaning: 'une urgence' },
  { digit: '*', intent: 'colleague', meaning: 'vous êtes un professionnel de santé' },
  { digit: '0', intent: 'other', meaning: 'parler au secrétariat' },
];

/** The menu the voice reply speaks after its greeting (which names the practice and says to dial 15 first). */
export const MENU_PROMPT = [
  ...MENU_CHOICES.map(({ digit, meaning }) =>
    digit === '*' ? `Si ${meaning}, tapez étoile.` : `Pour ${meaning}, tapez ${digit}.`,
  ),
].join(' ');

const INTENT_OF_DIGIT: ReadonlyMap<string, Intent> = new Map(MENU_CHOICES.map(({ digit, intent }) => [digit, intent]));

/**
 * The intent of the key the caller pressed, as the platform reports it (`"3"`; a trailing `#` that ends the input and
 * surrounding spaces are ignored); undefined for a key the menu does not offer or for several keys.
 */
export function intentOfMenuChoice(digits: string): Intent | undefined {
  return INTENT_OF_DIGIT.get(digits.trim().replace(/#$/, ''));
}
