import type { CallIntentV1, FollowUpExamV1 } from '@msp/contracts';

/** French titles of the tasks other services' facts make: the events carry codes, the team reads words. */
const CALL_INTENT_WORDS: Record<CallIntentV1, string> = {
  book: 'prise de rendez-vous',
  move: 'déplacement de rendez-vous',
  cancel: 'annulation de rendez-vous',
  prescription: 'ordonnance',
  results: 'résultats',
  advice: 'demande de conseil',
  emergency: 'urgence',
  administrative: 'démarche administrative',
  colleague: 'appel d’un confrère',
  information: 'renseignement',
  other: 'autre demande',
};

const EXAM_WORDS: Record<FollowUpExamV1, string> = {
  biology: 'bilan biologique',
  imaging: 'imagerie',
  specialist_opinion: 'avis spécialisé',
  pathology: 'anatomopathologie',
  functional_test: 'exploration fonctionnelle',
  other: 'examen complémentaire',
};

export function callbackTitle(intent: CallIntentV1, patientKnown: boolean): string {
  return `Rappeler ${patientKnown ? 'le patient' : 'l’appelant'} — ${CALL_INTENT_WORDS[intent]}`;
}

export function examChaseTitle(exam: FollowUpExamV1): string {
  return `Relancer le résultat — ${EXAM_WORDS[exam]}`;
}

export const ACTION_ITEM_TITLE = 'Action décidée en réunion de concertation';
