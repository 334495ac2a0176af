/**
 * The rulebook as the editor holds it: call-routing's JSON (see services/call-routing/src/domain/rulebook/rulebook.ts)
 * turned into form values and back. Empty lists and "indifférent" choices are left out of the JSON, as the schema wants
 * (a list given must hold at least one value).
 */

// The intents and actions are the vocabulary call routing's events carry: one list, in @msp/contracts.
export { CALL_ACTIONS as ACTIONS, CALL_INTENTS as INTENTS } from '@msp/contracts/call-vocabulary';
export const CALLER_KINDS = ['patient', 'professional', 'unknown'] as const;
export const PRACTITIONER_STATUSES = ['free', 'in_consultation', 'absent'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const HOLIDAY_CHOICES = ['excluded', 'included', 'only'] as const;
export const TOPICS = ['hours', 'address', 'next_opening'] as const;

/** A yes / no condition, or no condition at all. */
export type Tristate = 'any' | 'yes' | 'no';

export interface RuleForm {
  /** Stable while editing (React keys, focus after a move); never sent. */
  key: string;
  id: string;
  label: string;
  callerKinds: string[];
  intents: string[];
  practitionerStatus: string[];
  urgent: Tristate;
  passThrough: Tristate;
  prefersHuman: Tristate;
  days: string[];
  from: string;
  to: string;
  onHolidays: string;
  action: string;
  queue: string;
  topics: string[];
  colleagues: string[];
}

interface RuleJson {
  id: string;
  label: string;
  when: Record<string, unknown>;
  then: { type: string; queue?: string; topics?: string[]; colleagues?: string[] };
}

let counter = 0;
/** Unique across reloads too: a draft restored from sessionStorage keeps the keys it was given. */
const nextKey = () =>
  `rule-${Date.now().toString(36)}-${(++counter).toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

const tristate = (value: unknown): Tristate => (value === true ? 'yes' : value === false ? 'no' : 'any');
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export function rulesFromDocument(document: string | null): RuleForm[] {
  if (!document) return [];
  const parsed = JSON.parse(document) as { rules?: RuleJson[] };
  return (parsed.rules ?? []).map((rule) => {
    const when = rule.when ?? {};
    const window = (when.window ?? {}) as Record<string, unknown>;
    return {
      key: nextKey(),
      id: rule.id,
      label: rule.label,
      callerKinds: list(when.callerKinds),
      intents: list(when.intents),
      practitionerStatus: list(when.practitionerStatus),
      urgent: tristate(when.urgent),
      passThrough: tristate(when.passThrough),
      prefersHuman: tristate(when.prefersHuman),
      days: list(window.days),
      from: typeof window.from === 'string' ? window.from : '',
      to: typeof window.to === 'string' ? window.to : '',
      onHolidays: typeof window.onHolidays === 'string' ? window.onHolidays : '',
      action: rule.then?.type ?? 'take_message',
      queue: rule.then?.queue ?? '',
      topics: list(rule.then?.topics),
      colleagues: list(rule.then?.colleagues),
    };
  });
}

function toJson(rule: RuleForm): RuleJson {
  const when: Record<string, unknown> = {};
  if (rule.callerKinds.length) when.callerKinds = rule.callerKinds;
  if (rule.passThrough !== 'any') when.passThrough = rule.passThrough === 'yes';
  if (rule.prefersHuman !== 'any') when.prefersHuman = rule.prefersHuman === 'yes';
  if (rule.intents.length) when.intents = rule.intents;
  if (rule.urgent !== 'any') when.urgent = rule.urgent === 'yes';
  const window: Record<string, unknown> = {};
  if (rule.days.length) window.days = WEEKDAYS.filter((day) => rule.days.includes(day));
  if (rule.from) window.from = rule.from;
  if (rule.to) window.to = rule.to;
  if (rule.onHolidays) window.onHolidays = rule.onHolidays;
  if (Object.keys(window).length) when.window = window;
  if (rule.practitionerStatus.length) when.practitionerStatus = rule.practitionerStatus;
  const then: RuleJson['then'] = { type: rule.action };
  if (rule.action === 'remote_queue' && rule.queue.trim()) then.queue = rule.queue.trim();
  if (rule.action === 'give_information' && rule.topics.length) then.topics = rule.topics;
  if (rule.action === 'forward_on_duty' && rule.colleagues.length) then.colleagues = rule.colleagues;
  return { id: rule.id, label: rule.label, when, then };
}

export function documentOf(rules: readonly RuleForm[]): string {
  return JSON.stringify({ rules: rules.map(toJson) });
}

function emptyRule(id: string, label: string): RuleForm {
  return {
    key: nextKey(),
    id,
    label,
    callerKinds: [],
    intents: [],
    practitionerStatus: [],
    urgent: 'any',
    passThrough: 'any',
    prefersHuman: 'any',
    days: [],
    from: '',
    to: '',
    onHolidays: '',
    action: 'take_message',
    queue: '',
    topics: [],
    colleagues: [],
  };
}

/** A new rule with an id not taken yet (`regle-4`), which its author may rename. */
export function newRule(rules: readonly RuleForm[], label: string): RuleForm {
  const taken = new Set(rules.map((rule) => rule.id));
  let n = rules.length + 1;
  while (taken.has(`regle-${n}`)) n++;
  return emptyRule(`regle-${n}`, label);
}

/** Every rulebook must first send urgent calls to the 15: a practitioner's own starts with that rule. */
export function starterRules(): RuleForm[] {
  return [{ ...emptyRule('urgences', 'Urgences : redirection vers le 15'), urgent: 'yes', action: 'redirect_15' }];
}

export function moved<T>(items: readonly T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** One refusal of call-routing's validation, located in the form: the rule's index and the field's path in it. */
export interface RuleProblem {
  /** Null: about the whole rulebook (no emergency rule, too many rules). */
  ruleIndex: number | null;
  /** The form field it names (`label`, `from`, `intents`…), or null for the rule as a whole. */
  field: keyof RuleForm | null;
  reason: string;
}

const FIELD_OF_PATH: Array<[RegExp, keyof RuleForm]> = [
  [/^id$/, 'id'],
  [/^label$/, 'label'],
  [/^when\.callerKinds/, 'callerKinds'],
  [/^when\.intents/, 'intents'],
  [/^when\.practitionerStatus/, 'practitionerStatus'],
  [/^when\.urgent/, 'urgent'],
  [/^when\.passThrough/, 'passThrough'],
  [/^when\.prefersHuman/, 'prefersHuman'],
  [/^when\.window\.days/, 'days'],
  [/^when\.window\.from/, 'from'],
  [/^when\.window\.to/, 'to'],
  [/^when\.window\.onHolidays/, 'onHolidays'],
  [/^then\.queue/, 'queue'],
  [/^then\.topics/, 'topics'],
  [/^then\.colleagues/, 'colleagues'],
  [/^then/, 'action'],
];

/** `rules[2].when.window.from` → rule 2, field `from`. */
export function locateProblem(path: string, reason: string): RuleProblem {
  const match = /^rules\[(\d+)\]\.?(.*)$/.exec(path);
  if (!match) return { ruleIndex: null, field: null, reason };
  const rest = match[2];
  const field = FIELD_OF_PATH.find(([pattern]) => pattern.test(rest))?.[1] ?? null;
  return { ruleIndex: Number(match[1]), field, reason };
}

/**
 * The problems of a refused publication, from `CALL_ROUTING.INVALID_RULEBOOK`'s message, which lists each one as
 * `input.document.<path>: <reason>` separated by `; ` (the error's `field` names only the first).
 */
export function problemsOf(message: string, prefix: string): RuleProblem[] {
  const marker = new RegExp(`(?:^|; )${prefix.replace(/[.]/g, '\\.')}([^:\\s]+): `, 'g');
  const starts = [...message.matchAll(marker)];
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index : message.length;
    const reason = message.slice((start.index ?? 0) + start[0].length, end);
    return locateProblem(start[1], reason);
  });
}
