/**
 * The practice's written rules for the phone ("cahier des consignes", CAL-3): ordered rules, the first that matches a
 * call decides what happens to it. Stored as JSON validated by `RULEBOOK_JSON_SCHEMA`; these types are that JSON.
 */

/** What the caller wants (CAL-2): from the telephony menu (DTMF) or classified from a French transcript. */
export const INTENTS = [
  'book',
  'move',
  'cancel',
  'prescription',
  'results',
  'advice',
  'emergency',
  'administrative',
  'colleague',
  'information',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Who the directory says is calling (a number shared by a family identifies nobody: `unknown`). */
export const CALLER_KINDS = ['patient', 'professional', 'unknown'] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

/** The concerned practitioner's state, projected from scheduling's events. */
export const PRACTITIONER_STATUSES = ['free', 'in_consultation', 'absent'] as const;
export type PractitionerStatus = (typeof PRACTITIONER_STATUSES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * When a rule applies, in the site's wall time. `from`/`to` are `HH:mm` (to after from, `24:00` allowed for to);
 * `onHolidays`: `excluded` (default: a public holiday the structure does not work never matches), `included`, `only`.
 */
export interface TimeWindow {
  days?: Weekday[];
  from?: string;
  to?: string;
  onHolidays?: 'excluded' | 'included' | 'only';
}

/** Every condition given must hold (AND); a list matches when the call's value is one of it (OR). */
export interface RuleConditions {
  callerKinds?: CallerKind[];
  /** The caller is on the pass-through list the practitioner keeps in the directory. */
  passThrough?: boolean;
  /** The patient asked, once, to always speak to a person. */
  prefersHuman?: boolean;
  intents?: Intent[];
  /** Urgency words were heard ("douleur thoracique", "il ne respire plus"…) or the emergency menu choice was made. */
  urgent?: boolean;
  window?: TimeWindow;
  practitionerStatus?: PractitionerStatus[];
}

export const INFORMATION_TOPICS = ['hours', 'address', 'next_opening'] as const;
export type InformationTopic = (typeof INFORMATION_TOPICS)[number];

export type RuleAction =
  /** Put the call through to the concerned practitioner (interrupts a consultation in progress). */
  | { type: 'transfer_practitioner' }
  /** To the site's own secretary desk. */
  | { type: 'transfer_secretary' }
  /** To a remote-secretary queue (a human, elsewhere). */
  | { type: 'remote_queue'; queue?: string }
  /** The caller books, moves or cancels their own appointment on the phone (by the call's intent). */
  | { type: 'self_service' }
  /** Record a message: it becomes a callback task (delegation). */
  | { type: 'take_message' }
  /** Tell the caller to hang up and dial 15 (SAMU), and connect them. */
  | { type: 'redirect_15' }
  /** Hours, address, next opening of the site. */
  | { type: 'give_information'; topics?: InformationTopic[] }
  /**
   * To the first listed colleague who is not absent; with no list, the site's duty roster. Falls through to the next
   * rule when nobody is available.
   */
  | { type: 'forward_on_duty'; colleagues?: string[] };

export type ActionType = RuleAction['type'];
export const ACTION_TYPES: readonly ActionType[] = [
  'transfer_practitioner',
  'transfer_secretary',
  'remote_queue',
  'self_service',
  'take_message',
  'redirect_15',
  'give_information',
  'forward_on_duty',
];

export interface Rule {
  /** Stable within the rulebook (`[a-z0-9-]`, ≤ 40): what the trace, the journal and events name. */
  id: string;
  /** A line a secretary understands, in French: « Urgences vers le 15 ». */
  label: string;
  when: RuleConditions;
  then: RuleAction;
}

export interface RulebookDocument {
  rules: Rule[];
}

/** A rulebook is a site's or a practitioner's; a practitioner's rules are tried before their site's. */
export type RulebookScope = { kind: 'site'; siteId: string } | { kind: 'practitioner'; practitionerId: string };
