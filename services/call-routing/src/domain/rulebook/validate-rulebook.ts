import type { ErrorObject } from 'ajv';
import { windowProblems } from '../calendar/time-window';
import { CallRoutingError } from '../call-routing-error';
import { contradictionsOf, covers, isCatchAll, sendsEveryEmergencyTo15 } from './rule-reach';
import { ACTION_TYPES, type Rule, type RuleConditions, type RulebookDocument } from './rulebook';
import { CONDITION_NAMES, MAX_RULES, matchesRulebookSchema } from './rulebook.schema';

/** What makes a rulebook unpublishable, at a path such as `rules[2].when.window.from`; the reason is in French. */
export interface RulebookProblem {
  path: string;
  reason: string;
}

/** Publishable, but probably not what the author meant (a rule that never applies, an unknown colleague). */
export interface RulebookWarning {
  ruleId: string;
  path: string;
  reason: string;
}

/** What the caller of the validator knows besides the document; each check is skipped when its list is not given. */
export interface KnownReferences {
  /** Practitioners a `forward_on_duty` rule may name (the site's); others are warned about. */
  practitionerIds?: readonly string[];
}

export type RulebookValidation =
  { rulebook: RulebookDocument; warnings: RulebookWarning[] } | { problems: RulebookProblem[] };

/**
 * Checks a rulebook before it is published: its JSON Schema, unique rule ids, well-formed time windows and emergency
 * handling (refused: `problems`, every one found, in document order); then what would surprise its author (`warnings`).
 */
export function validateRulebook(doc: unknown, known: KnownReferences = {}): RulebookValidation {
  const schemaValid = matchesRulebookSchema(doc);
  const problems = schemaValid ? [] : translate(matchesRulebookSchema.errors ?? []);
  const rules = rulesOf(doc);
  problems.push(...duplicateIds(rules), ...malformedWindows(rules, problems));
  problems.sort((a, b) => ruleIndexOf(a.path) - ruleIndexOf(b.path));
  if (!rules.some(mayHandleEveryEmergency))
    problems.push({
      path: 'rules',
      reason:
        'aucune règle ne traite les urgences sans condition : ajoutez en tête une règle « appel urgent » ' +
        '(ou motif « urgence ») sans autre condition, qui redirige vers le 15',
    });
  if (problems.length > 0 || !schemaValid) return { problems };
  return { rulebook: doc, warnings: warningsOf(doc.rules, known) };
}

/**
 * The publishing path's check: the rulebook, or `CALL_ROUTING.INVALID_RULEBOOK` naming the first problem's field
 * (prefixed as the client named the document, e.g. `input.`) and listing every problem.
 */
export function assertValidRulebook(
  doc: unknown,
  known: KnownReferences = {},
  fieldPrefix = '',
): { rulebook: RulebookDocument; warnings: RulebookWarning[] } {
  const result = validateRulebook(doc, known);
  if ('problems' in result)
    throw CallRoutingError.invalidRulebook(
      `${fieldPrefix}${result.problems[0].path}`,
      result.problems.map((problem) => `${fieldPrefix}${problem.path}: ${problem.reason}`),
    );
  return result;
}

// ---- Schema errors, in words --------------------------------------------------------------------------------------

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte',
  boolean: 'vrai ou faux',
  array: 'une liste',
  object: 'un objet',
  number: 'un nombre',
  integer: 'un nombre entier',
};

function pathOf(instancePath: string, child?: string | number): string {
  let path = '';
  for (const raw of instancePath.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(segment) ? `[${segment}]` : path === '' ? segment : `.${segment}`;
  }
  if (child === undefined) return path;
  if (typeof child === 'number') return `${path}[${child}]`;
  return path === '' ? child : `${path}.${child}`;
}

const shown = (value: unknown) => JSON.stringify(value)?.slice(0, 64) ?? String(value);

function problemOf(error: ErrorObject): RulebookProblem {
  const params = error.params as Record<string, unknown>;
  const at = pathOf(error.instancePath);
  switch (error.keyword) {
    case 'required':
      return { path: pathOf(error.instancePath, String(params.missingProperty)), reason: 'champ obligatoire manquant' };
    case 'additionalProperties': {
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      return {
        path: pathOf(error.instancePath, String(params.additionalProperty)),
        reason: `champ inconnu${allowed.length ? ` : attendu ${allowed.join(', ')}` : ' : aucun champ attendu ici'}`,
      };
    }
    case 'discriminator':
      // A missing or non-text type is reported at the same path by `required` or `type`, which come first.
      return {
        path: pathOf(error.instancePath, 'type'),
        reason: `action inconnue ${shown(params.tagValue)} : attendu ${ACTION_TYPES.join(', ')}`,
      };
    case 'enum':
      return {
        path: at,
        reason: `valeur inconnue ${shown(error.data)} : attendu ${(params.allowedValues as unknown[]).join(', ')}`,
      };
    case 'type':
      return { path: at, reason: `doit être ${TYPE_NAMES[String(params.type)] ?? String(params.type)}` };
    case 'pattern':
      return {
        path: at,
        reason: at.endsWith('.id')
          ? `identifiant invalide ${shown(error.data)} : lettres minuscules sans accent, chiffres et tirets, ` +
            '40 caractères au plus, sans tiret au début'
          : 'texte sur une ligne, non vide, sans caractère de contrôle',
      };
    case 'minLength':
      return { path: at, reason: 'ne doit pas être vide' };
    case 'maxLength':
      return { path: at, reason: `${String(params.limit)} caractères au plus (${String(error.data).length} reçus)` };
    case 'minItems':
      return { path: at, reason: 'liste vide : donnez au moins une valeur ou retirez ce champ' };
    case 'maxItems':
      return {
        path: at,
        reason:
          at === 'rules'
            ? `${MAX_RULES} règles au plus (${(error.data as unknown[]).length} reçues)`
            : `${String(params.limit)} valeurs au plus`,
      };
    case 'uniqueItems':
      return { path: pathOf(error.instancePath, Number(params.i)), reason: 'valeur en double dans la liste' };
    case 'format':
      return { path: at, reason: `identifiant de praticien invalide ${shown(error.data)} (UUID attendu)` };
    default:
      return { path: at, reason: error.message ?? error.keyword };
  }
}

/** One problem per path: a value that fails several keywords is explained once, by the first. */
function translate(errors: readonly ErrorObject[]): RulebookProblem[] {
  const seen = new Set<string>();
  const problems: RulebookProblem[] = [];
  for (const error of errors) {
    const problem = problemOf(error);
    if (seen.has(problem.path)) continue;
    seen.add(problem.path);
    problems.push(problem);
  }
  return problems;
}

// ---- Beyond the schema --------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The rules as far as they can be read: the checks below must not trip over a document the schema refused. */
function rulesOf(doc: unknown): Array<Partial<Rule>> {
  if (!isRecord(doc) || !Array.isArray(doc.rules)) return [];
  return doc.rules.map((rule) => (isRecord(rule) ? (rule as Partial<Rule>) : {}));
}

function ruleIndexOf(path: string): number {
  const match = /^rules\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) : -1;
}

/**
 * Whether the rule, once its other problems are fixed, sends every urgent call to the 15: a typo elsewhere in the
 * emergency rule must not also be reported as missing emergency handling.
 */
function mayHandleEveryEmergency(rule: Partial<Rule>): boolean {
  if (!isRecord(rule.when) || !isRecord(rule.then)) return false;
  const known = Object.entries(rule.when).filter(([name]) => (CONDITION_NAMES as readonly string[]).includes(name));
  const when = Object.fromEntries(known) as RuleConditions;
  if (when.intents !== undefined && !Array.isArray(when.intents)) return false;
  return sendsEveryEmergencyTo15({ ...(rule as Rule), when });
}

function duplicateIds(rules: ReadonlyArray<Partial<Rule>>): RulebookProblem[] {
  const firstIndex = new Map<string, number>();
  const problems: RulebookProblem[] = [];
  rules.forEach((rule, index) => {
    if (typeof rule.id !== 'string') return;
    const first = firstIndex.get(rule.id);
    if (first === undefined) firstIndex.set(rule.id, index);
    else
      problems.push({
        path: `rules[${index}].id`,
        reason: `identifiant "${rule.id}" déjà pris par la règle ${first + 1} : chaque règle a le sien`,
      });
  });
  return problems;
}

/** Windows whose shape the schema accepted, checked for meaning (HH:mm, `to` after `from`). */
function malformedWindows(
  rules: ReadonlyArray<Partial<Rule>>,
  schemaProblems: readonly RulebookProblem[],
): RulebookProblem[] {
  const problems: RulebookProblem[] = [];
  rules.forEach((rule, index) => {
    const window = rule.when?.window;
    const prefix = `rules[${index}].when.window`;
    if (!isRecord(window) || schemaProblems.some((problem) => problem.path.startsWith(prefix))) return;
    problems.push(...windowProblems(window, prefix));
  });
  return problems;
}

const ruleName = (rule: Rule, index: number) => `la règle ${index + 1} « ${rule.label} »`;

function warningsOf(rules: readonly Rule[], known: KnownReferences): RulebookWarning[] {
  const warnings: RulebookWarning[] = [];
  rules.forEach((rule, index) => {
    const at = `rules[${index}]`;
    const contradictions = contradictionsOf(rule.when);
    for (const { condition, reason } of contradictions)
      warnings.push({
        ruleId: rule.id,
        path: `${at}.when.${condition}`,
        reason: `conditions contradictoires, la règle ne s'applique jamais : ${reason}`,
      });
    if (contradictions.length === 0) {
      const hiding = rules.slice(0, index).findIndex((earlier) => covers(earlier, rule));
      if (hiding >= 0)
        warnings.push({
          ruleId: rule.id,
          path: at,
          reason: isCatchAll(rules[hiding])
            ? `règle inaccessible : ${ruleName(rules[hiding], hiding)}, sans condition, prend avant elle tout appel non urgent`
            : `règle masquée, elle ne s'applique jamais : ${ruleName(rules[hiding], hiding)} prend avant elle tous ses appels`,
        });
    }
    if (rule.then.type === 'forward_on_duty' && rule.then.colleagues && known.practitionerIds) {
      const practitionerIds = known.practitionerIds;
      rule.then.colleagues.forEach((colleague, colleagueIndex) => {
        if (!practitionerIds.includes(colleague))
          warnings.push({
            ruleId: rule.id,
            path: `${at}.then.colleagues[${colleagueIndex}]`,
            reason: `praticien ${colleague} introuvable sur le site : il ne recevra aucun appel`,
          });
      });
    }
  });
  return warnings;
}
