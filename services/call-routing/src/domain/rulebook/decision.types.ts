import type { SiteCalendar } from '../calendar/site-calendar';
import type { CallerKind, Intent, PractitionerStatus, Rule, RuleAction, RulebookScope } from './rulebook';

/** What is known of a call when it is decided (the decision is taken again when the intent becomes known). */
export interface CallFacts {
  callerKind: CallerKind;
  passThrough: boolean;
  prefersHuman: boolean;
  /** Null until the caller chose from the menu or said something. */
  intent: Intent | null;
  /** Urgency words heard or the emergency menu choice: only rules handling emergencies are tried. */
  urgent: boolean;
}

/** One rulebook as the decision reads it, in the order tried (the practitioner's before the site's). */
export interface VersionedRulebook {
  scope: RulebookScope;
  version: number;
  rules: Rule[];
}

export interface DecisionInput {
  call: CallFacts;
  /** The practitioner the call is about (their line, the menu choice, or the patient's médecin traitant); null if none. */
  practitionerId: string | null;
  rulebooks: VersionedRulebook[];
  /** Status of every practitioner the decision may need (the concerned one and the colleagues on duty); absent key = free. */
  statuses: Readonly<Record<string, PractitionerStatus>>;
  now: Date;
  calendar: SiteCalendar;
}

/** The action to carry out, with `forward_on_duty` resolved to one colleague. */
export type DecidedAction =
  Exclude<RuleAction, { type: 'forward_on_duty' }> | { type: 'forward_on_duty'; colleagueId: string };

/** Why one rule matched or not: every condition it has, each with its verdict, in French for the console. */
export interface RuleTrace {
  scope: RulebookScope['kind'];
  version: number;
  ruleId: string;
  label: string;
  matched: boolean;
  /** E.g. `{ condition: 'window', holds: false, reason: "lundi de Pentecôte, jour férié non travaillé" }`. */
  checks: Array<{ condition: string; holds: boolean; reason: string }>;
}

export interface Decision {
  action: DecidedAction;
  /** The rule that decided; null when none matched and the built-in fallback (take a message) applied. */
  ruleId: string | null;
  scope: RulebookScope['kind'] | null;
  version: number | null;
  /** The concerned practitioner's status when decided: a transfer while `in_consultation` interrupts a consultation. */
  practitionerStatus: PractitionerStatus | null;
  trace: RuleTrace[];
  /** « Règle 3 (Urgences vers le 15) : … », for the simulator. */
  explanation: string;
}
