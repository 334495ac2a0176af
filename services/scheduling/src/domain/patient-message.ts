import { DateTime } from 'luxon';

/** What scheduling sends patients: an appointment reminder (SCH-8), the offer of a freed slot (SCH-9). */
export const PATIENT_MESSAGE_KINDS = ['appointment_reminder', 'waitlist_offer'] as const;
export type PatientMessageKind = (typeof PATIENT_MESSAGE_KINDS)[number];

export interface PatientMessageTemplate {
  /** The e-mail's subject. */
  subject: string;
  /** The e-mail's text. */
  body: string;
  /**
   * The SMS's text: short, as an SMS is billed per segment (70 characters once it holds an accent), and an offer's one
   * link (`{lien}`) opens a page with both answers.
   */
  sms: string;
}

/**
 * The placeholders a structure's administrators may write, `{name}`, and what each becomes. Never a motif or a
 * practitioner: an SMS or an e-mail may be read by someone else, and those can say something medical.
 */
export const PLACEHOLDERS: Record<PatientMessageKind, readonly string[]> = {
  appointment_reminder: ['cabinet', 'site', 'adresse', 'date', 'heure', 'telephone'],
  waitlist_offer: [
    'cabinet',
    'site',
    'adresse',
    'date',
    'heure',
    'telephone',
    'expiration',
    'lien',
    'lien_accepter',
    'lien_refuser',
  ],
};

/** Placeholders each text of that kind cannot do without: one list of them must all be there. */
const REQUIRED: Record<PatientMessageKind, Record<'body' | 'sms', ReadonlyArray<readonly string[]>>> = {
  appointment_reminder: { body: [['date', 'heure']], sms: [['date', 'heure']] },
  waitlist_offer: {
    body: [['date', 'heure', 'lien_accepter', 'lien_refuser']],
    sms: [
      ['date', 'heure', 'lien'],
      ['date', 'heure', 'lien_accepter', 'lien_refuser'],
    ],
  },
};

/** The text every structure starts with, in French, until its administrators write their own. */
export const DEFAULT_TEMPLATES: Record<PatientMessageKind, PatientMessageTemplate> = {
  appointment_reminder: {
    subject: 'Rappel de votre rendez-vous du {date} à {heure}',
    body:
      'Bonjour,\n\n' +
      'Nous vous rappelons votre rendez-vous le {date} à {heure} à {cabinet}, site {site} ({adresse}).\n\n' +
      "En cas d'empêchement, merci d'annuler en appelant le {telephone}, afin que ce créneau profite à un autre patient.\n\n" +
      '{cabinet}',
    sms: 'Rappel : RDV le {date} à {heure}, {cabinet} ({site}). Empêchement ? Appelez le {telephone}.',
  },
  waitlist_offer: {
    subject: 'Un rendez-vous plus tôt vous est proposé le {date} à {heure}',
    body:
      'Bonjour,\n\n' +
      'Un créneau plus tôt s’est libéré à {cabinet}, site {site} ({adresse}) : le {date} à {heure}. ' +
      'Il vous est réservé jusqu’au {expiration}.\n\n' +
      'Pour l’accepter : {lien_accepter}\n' +
      'Pour le refuser : {lien_refuser}\n\n' +
      'Sans réponse de votre part, il sera proposé à un autre patient. Pour toute question : {telephone}.\n\n' +
      '{cabinet}',
    sms: '{cabinet} : RDV plus tôt possible le {date} à {heure} ({site}), gardé jusqu’au {expiration}. Répondre : {lien}',
  },
};

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_BODY_LENGTH = 2_000;
export const MAX_SMS_LENGTH = 320;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Why a template cannot be kept: the field and the reason, in English for the error. */
export interface TemplateProblem {
  field: keyof PatientMessageTemplate;
  reason: string;
}

const MAX_LENGTH: Record<keyof PatientMessageTemplate, number> = {
  subject: MAX_SUBJECT_LENGTH,
  body: MAX_BODY_LENGTH,
  sms: MAX_SMS_LENGTH,
};

/** The first problem of a template written by a structure's administrator, or null when it can be kept. */
export function templateProblem(kind: PatientMessageKind, template: PatientMessageTemplate): TemplateProblem | null {
  const known = PLACEHOLDERS[kind];
  for (const field of ['subject', 'body', 'sms'] as const) {
    const text = template[field];
    const max = MAX_LENGTH[field];
    if (!text.trim()) return { field, reason: 'must not be empty' };
    if (text.length > max) return { field, reason: `must be at most ${max} characters` };
    if (field === 'subject' && /[\r\n]/.test(text)) return { field, reason: 'must be one line' };
    for (const [, name] of text.matchAll(PLACEHOLDER))
      if (!known.includes(name))
        return { field, reason: `{${name}} is not a placeholder; use ${known.map((p) => `{${p}}`).join(', ')}` };
  }
  for (const field of ['body', 'sms'] as const) {
    const choices = REQUIRED[kind][field];
    const missing = choices.map((names) => names.filter((name) => !template[field].includes(`{${name}}`)));
    if (missing.every((names) => names.length)) {
      const listed = (names: readonly string[]) => names.map((p) => `{${p}}`).join(', ');
      const need = choices.length === 1 ? listed(missing[0]) : choices.map(listed).join(', or ');
      return { field, reason: `must contain ${need}` };
    }
  }
  return null;
}

/** What a message is about; times are rendered in the site's zone. */
export interface PatientMessageFacts {
  practiceName: string;
  siteName: string;
  siteAddress: string;
  /** The site's number, E.164, for cancelling or asking; null when the directory has none. */
  sitePhone: string | null;
  startsAt: Date;
  timeZone: string;
  /** A waitlist offer's end and answer links. */
  expiresAt?: Date;
  /** The answer page with both choices, and the page for each. */
  answerUrl?: string;
  acceptUrl?: string;
  declineUrl?: string;
}

/** "+33299000000" as French readers write it: "02 99 00 00 00"; other numbers as given. */
export function frenchPhone(e164: string): string {
  const national = /^\+33(\d{9})$/.exec(e164);
  if (!national) return e164;
  return `0${national[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/**
 * The subject and texts of a message: each placeholder replaced by its value, dates and times as the site's wall clock
 * shows them (Luxon in the site's IANA zone, so a reminder sent before a DST change tells the time after it).
 */
export function renderPatientMessage(
  template: PatientMessageTemplate,
  facts: PatientMessageFacts,
): PatientMessageTemplate {
  const local = DateTime.fromJSDate(facts.startsAt, { zone: facts.timeZone }).setLocale('fr');
  const expires = facts.expiresAt && DateTime.fromJSDate(facts.expiresAt, { zone: facts.timeZone }).setLocale('fr');
  const values: Record<string, string> = {
    cabinet: facts.practiceName,
    site: facts.siteName,
    adresse: facts.siteAddress,
    date: local.toFormat('cccc d LLLL yyyy'),
    heure: local.toFormat("HH'h'mm"),
    telephone: facts.sitePhone ? frenchPhone(facts.sitePhone) : 'le secrétariat',
    expiration: expires ? expires.toFormat("cccc d LLLL 'à' HH'h'mm") : '',
    lien: facts.answerUrl ?? '',
    lien_accepter: facts.acceptUrl ?? '',
    lien_refuser: facts.declineUrl ?? '',
  };
  const fill = (text: string) => text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
  return { subject: fill(template.subject), body: fill(template.body), sms: fill(template.sms) };
}
