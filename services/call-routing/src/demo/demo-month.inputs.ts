/*
 * The inputs of the demo month of calls, each with where it comes from. "Seed 003" is the MadeForMed booklet in
 * `shared/seeds/003_*.txt` (« Répondre aux appels »); everything marked "assumption" is a choice written here, not a
 * measurement, and none was adjusted to reach a figure: the figures are whatever the rules make of these calls.
 * services/call-routing/README.md ("Demo month") lists them as a table.
 */

/**
 * Calls a general practitioner receives per working day. Seed 003: a 2010 thesis in Midi-Pyrénées (Truchon), GP
 * trainers: 15.5 a day on average (19 without any secretariat, 12.3 with one on site, 7.4 with a remote one). The
 * average is taken: the demo practice's secretariat is what the platform itself plays.
 */
export const CALLS_PER_GP_PER_DAY = 15.5;

/** Why a caller calls; each maps to what the caller presses or says, never to an outcome. */
export type CallReason =
  | 'booking'
  | 'move'
  | 'cancel'
  | 'home_visit'
  | 'results'
  | 'symptom_advice'
  | 'support'
  | 'prescription'
  | 'document'
  | 'correspondent'
  | 'ad_or_personal';

/** Where the caller calls from, which decides what the directory can tell about them. */
export type CallerSource = 'patient' | 'colleague' | 'other';

export interface ReasonInput {
  reason: CallReason;
  /** Share of all calls (the category's share × the reason's share within it). */
  share: number;
  source: CallerSource;
  /** The menu key a caller using the keypad presses (`MENU_CHOICES`). */
  digit: string;
  /** What a caller who speaks says, as the telephony platform's transcript gives it; one is drawn per call. */
  speech: readonly string[];
}

/** Seed 003: « un tiers … gestion d'agenda », « un autre tiers … conseils et écoute », « le reste … ». */
const THIRD = 1 / 3;

/**
 * The mix of reasons. The three thirds are seed 003's; the split inside each third is an assumption (the seed names
 * the reasons of each third, in this order, without shares):
 * - agenda (« prise de rendez-vous, visites à domicile »): booking 55 %, moving 15 %, cancelling 15 %, home visit
 *   15 %;
 * - advice and listening (« résultats d'examens, conseil médical devant un symptôme, soutien moral »): a third each;
 * - the rest (« ordonnances et autres documents administratifs », « les correspondants, professionnels de santé »,
 *   « la publicité ou d'autres motifs, notamment personnels »): prescriptions 35 %, documents 25 %, correspondents 25 %,
 *   advertising or personal 15 %.
 * Keys (assumption): a home visit has no key of its own, the caller presses "appointment"; moral support presses
 * "medical advice"; advertising or personal calls press 0 ("the desk").
 */
export const REASON_MIX: readonly ReasonInput[] = [
  {
    reason: 'booking',
    share: THIRD * 0.55,
    source: 'patient',
    digit: '1',
    speech: [
      'Bonjour, je voudrais prendre rendez-vous avec le docteur cette semaine',
      "Bonjour, c'est pour un rendez-vous pour mon fils, il tousse depuis trois jours",
      "J'aurais besoin d'un rendez-vous pour faire le point sur mon traitement",
    ],
  },
  {
    reason: 'move',
    share: THIRD * 0.15,
    source: 'patient',
    digit: '2',
    speech: [
      'Je voudrais déplacer mon rendez-vous de jeudi',
      'Bonjour, je ne pourrai pas venir à mon rendez-vous, est-ce qu’on peut le décaler',
      'Est-ce que je peux changer l’heure de mon rendez-vous',
    ],
  },
  {
    reason: 'cancel',
    share: THIRD * 0.15,
    source: 'patient',
    digit: '3',
    speech: [
      'Je dois annuler mon rendez-vous de demain',
      'Bonjour, je vous appelle pour annuler le rendez-vous de ma fille',
      "J'annule mon rendez-vous, je suis retenu au travail",
    ],
  },
  {
    reason: 'home_visit',
    share: THIRD * 0.15,
    source: 'patient',
    digit: '1',
    speech: [
      'Est-ce que le docteur pourrait passer à la maison voir ma mère, elle ne peut plus se déplacer',
      'Bonjour, je voudrais une visite à domicile pour mon mari qui est alité',
      'Le docteur fait-il encore des visites ? Mon père ne peut pas venir au cabinet',
    ],
  },
  {
    reason: 'results',
    share: THIRD / 3,
    source: 'patient',
    digit: '5',
    speech: [
      "J'appelle pour avoir les résultats de ma prise de sang",
      'Bonjour, le laboratoire m’a dit que le docteur avait reçu mes résultats',
      'Je voudrais savoir si le docteur a regardé ma radio',
    ],
  },
  {
    reason: 'symptom_advice',
    share: THIRD / 3,
    source: 'patient',
    digit: '6',
    speech: [
      'Mon fils a de la fièvre depuis hier soir, est-ce que je dois lui donner du doliprane',
      "J'ai une éruption sur les bras depuis ce matin, est-ce que c'est grave",
      'Ma tension est à quinze ce matin, est-ce que je dois augmenter mon médicament',
    ],
  },
  {
    reason: 'support',
    share: THIRD / 3,
    source: 'patient',
    digit: '6',
    speech: [
      "Je ne vais pas bien en ce moment, j'aurais besoin de parler au docteur",
      "Depuis le décès de mon mari je n'arrive plus à dormir, je voulais en parler au docteur",
      "Je suis très angoissée par mes examens, j'aurais voulu un conseil",
    ],
  },
  {
    reason: 'prescription',
    share: THIRD * 0.35,
    source: 'patient',
    digit: '4',
    speech: [
      "C'est pour renouveler mon ordonnance, je n'ai plus de traitement",
      "Bonjour, j'aurais besoin d'une ordonnance pour mes séances de kiné",
      'Le pharmacien me dit que mon ordonnance est expirée',
    ],
  },
  {
    reason: 'document',
    share: THIRD * 0.25,
    source: 'patient',
    digit: '7',
    speech: [
      "J'ai besoin d'un certificat médical pour le sport de ma fille",
      'Bonjour, c’est pour un arrêt de travail, mon employeur ne l’a pas reçu',
      'Il me faudrait un dossier pour la MDPH rempli par le docteur',
    ],
  },
  {
    reason: 'correspondent',
    share: THIRD * 0.25,
    source: 'colleague',
    digit: '*',
    speech: [
      "Bonjour, ici le laboratoire d'analyses, j'appelle au sujet d'un patient du docteur",
      'Bonjour, je suis le cardiologue de madame, je voudrais parler à son médecin traitant',
      "Ici l'infirmière à domicile, j'appelle pour un pansement qui ne cicatrise pas chez un patient du docteur",
    ],
  },
  {
    reason: 'ad_or_personal',
    share: THIRD * 0.15,
    source: 'other',
    digit: '0',
    speech: [
      "Bonjour, je vous appelle de la part d'une société de matériel médical pour vous présenter nos offres",
      "Oui bonjour c'est sa femme, il a oublié ses clés, vous pouvez lui dire de me rappeler",
      'Bonjour, je suis commercial pour un logiciel de prise de rendez-vous, qui gère le cabinet ?',
    ],
  },
];

/** Assumption: a patient calls from the number the directory has for them (else a relative's, a withheld one…). */
export const KNOWN_NUMBER_SHARE = 0.8;

/**
 * Assumption: half the correspondents call from a practice on the platform (another demo structure's line, which the
 * directory recognises as a colleague); the others (a laboratory, a hospital) from numbers it does not know.
 */
export const COLLEAGUE_ON_PLATFORM_SHARE = 0.5;

/** Assumption: half the callers press a key of the menu, the others say why they call. */
export const KEYPAD_SHARE = 0.5;

/**
 * Numbers the directory does not know: 06 39 98 xx xx, a mobile range the demo directory never gives its patients
 * (0639 belongs to overseas departments).
 */
export const UNKNOWN_NUMBER_PREFIX = '+3363998';

/**
 * The caller's pace (assumption): the menu is answered 20 s after the line picks up, a slot or an appointment (always
 * the first offered) 10 s after it is offered; a message lasts 10 to 60 s; a transferred call talks 1 to 5 minutes; a
 * call with nothing left to hear ends 5 s after the last answer.
 */
export const CALLER_PACE = {
  answersMenuAfterSeconds: 20,
  choosesAfterSeconds: 10,
  messageSeconds: [10, 60] as const,
  talkSeconds: [60, 300] as const,
  hangsUpAfterSeconds: 5,
};
