import type { Intent, Rule, RuleAction, RulebookDocument, TimeWindow } from './rulebook';

const MEDICAL_QUESTIONS: Intent[] = ['advice', 'results', 'prescription'];
const CLOSED_INFORMATION: RuleAction = { type: 'give_information', topics: ['hours', 'next_opening'] };

/**
 * The opening hours the default assumes (weekdays 08:00–19:00, Saturday 08:00–12:00), written as the times the
 * practice is CLOSED: a window says when a rule applies, and there is no "not" in a rulebook. Each boundary appears
 * once, so a secretary adjusting the hours edits one rule per boundary.
 */
const CLOSED_WINDOWS: Array<{ id: string; label: string; window: TimeWindow }> = [
  {
    id: 'ferme-avant-ouverture',
    label: 'Avant 8 h (lundi–samedi) : cabinet fermé',
    window: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], from: '00:00', to: '08:00' },
  },
  {
    id: 'ferme-soir',
    label: 'Après 19 h en semaine : cabinet fermé',
    window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '19:00', to: '24:00' },
  },
  {
    id: 'ferme-samedi-apres-midi',
    label: 'Samedi après 12 h : cabinet fermé',
    window: { days: ['sat'], from: '12:00', to: '24:00' },
  },
  { id: 'ferme-dimanche', label: 'Dimanche : cabinet fermé', window: { days: ['sun'] } },
];

/**
 * The safe rulebook a new practice starts with. In this order:
 * 1. every urgent call goes to the 15 (urgent calls reach no other rule anyway);
 * 2–3. what the machine does alone at any hour: booking, moving and cancelling, practical information;
 * 4–8. when the practice is closed (a public holiday it does not work, outside opening hours), nobody is rung: the
 *    caller hears the hours and the next opening. These come before every transfer so that no practitioner, secretary
 *    or colleague on duty is called at night;
 * 9–13. pass-through patients and colleagues reach the practitioner only while they are free, never during a
 *    consultation; otherwise colleagues leave a message;
 * 14. an absent practitioner's medical questions go to the colleague on duty (the site's roster), or on when nobody is;
 * 15. a patient who asked for a person gets the secretary;
 * 16. anything else becomes a message, a callback task.
 */
export const DEFAULT_SITE_RULEBOOK: RulebookDocument = {
  rules: [
    {
      id: 'urgences',
      label: 'Urgences : redirection vers le 15',
      when: { urgent: true },
      then: { type: 'redirect_15' },
    },
    {
      id: 'rendez-vous',
      label: 'Rendez-vous : prise, déplacement ou annulation en libre-service',
      when: { intents: ['book', 'move', 'cancel'] },
      then: { type: 'self_service' },
    },
    {
      id: 'renseignements',
      label: 'Renseignements : horaires, adresse, prochaine ouverture',
      when: { intents: ['information'] },
      then: { type: 'give_information', topics: ['hours', 'address', 'next_opening'] },
    },
    {
      id: 'ferie',
      label: 'Jour férié : cabinet fermé',
      when: { window: { onHolidays: 'only' } },
      then: CLOSED_INFORMATION,
    },
    ...CLOSED_WINDOWS.map(({ id, label, window }): Rule => ({ id, label, when: { window }, then: CLOSED_INFORMATION })),
    {
      id: 'passage',
      label: 'Patients de la liste de passage, praticien disponible : transfert',
      when: { passThrough: true, practitionerStatus: ['free'] },
      then: { type: 'transfer_practitioner' },
    },
    {
      id: 'confrere-disponible',
      label: 'Professionnel de santé, praticien disponible : transfert',
      when: { callerKinds: ['professional'], practitionerStatus: ['free'] },
      then: { type: 'transfer_practitioner' },
    },
    {
      id: 'motif-confrere-disponible',
      label: 'Appel d’un confrère, praticien disponible : transfert',
      when: { intents: ['colleague'], practitionerStatus: ['free'] },
      then: { type: 'transfer_practitioner' },
    },
    {
      id: 'confrere-message',
      label: 'Professionnel de santé, praticien occupé ou absent : message',
      when: { callerKinds: ['professional'] },
      then: { type: 'take_message' },
    },
    {
      id: 'motif-confrere-message',
      label: 'Appel d’un confrère, praticien occupé ou absent : message',
      when: { intents: ['colleague'] },
      then: { type: 'take_message' },
    },
    {
      id: 'absent-garde',
      label: 'Praticien absent, question médicale : confrère de garde',
      when: { practitionerStatus: ['absent'], intents: MEDICAL_QUESTIONS },
      then: { type: 'forward_on_duty' },
    },
    {
      id: 'prefere-humain',
      label: 'Patient qui préfère parler à une personne : secrétariat',
      when: { prefersHuman: true },
      then: { type: 'transfer_secretary' },
    },
    { id: 'message', label: 'Tout autre appel : prise de message', when: {}, then: { type: 'take_message' } },
  ],
};
