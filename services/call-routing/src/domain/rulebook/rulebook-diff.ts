import { CONDITION_NAMES } from './rulebook.schema';
import type { Rule, RulebookDocument } from './rulebook';

/** A changed part of a rule: its label, one condition (`when.window`…) or its action. */
export type RuleField = 'label' | `when.${(typeof CONDITION_NAMES)[number]}` | 'then';

/** One line of a rulebook's history; positions are 1-based, as the console numbers rules. */
export type RulebookChange =
  | { kind: 'added'; ruleId: string; position: number; summary: string }
  | { kind: 'removed'; ruleId: string; position: number; summary: string }
  | { kind: 'changed'; ruleId: string; fields: RuleField[]; summary: string }
  | { kind: 'moved'; ruleId: string; from: number; to: number; summary: string };

const FIELD_WORDS: Record<RuleField, string> = {
  label: 'libellé',
  'when.callerKinds': "type d'appelant",
  'when.passThrough': 'liste de passage',
  'when.prefersHuman': 'préférence pour une personne',
  'when.intents': 'motifs',
  'when.urgent': 'urgence',
  'when.window': 'plage horaire',
  'when.practitionerStatus': 'état du praticien',
  then: 'action',
};

/** Key order does not matter, list order does (days, topics and colleagues are tried or shown in order). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

function changedFields(before: Rule, after: Rule): RuleField[] {
  const fields: RuleField[] = [];
  if (before.label !== after.label) fields.push('label');
  for (const condition of CONDITION_NAMES)
    if (!sameValue(before.when[condition], after.when[condition])) fields.push(`when.${condition}`);
  if (!sameValue(before.then, after.then)) fields.push('then');
  return fields;
}

/**
 * The ids kept in the same relative order (a longest common subsequence): the others are the ones that moved. On a tie
 * the earlier rules of the old order stay put, so bringing a rule up reads as that rule moving.
 */
function keptInOrder(before: readonly string[], after: readonly string[]): Set<string> {
  const lengths = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
  for (let i = before.length - 1; i >= 0; i--)
    for (let j = after.length - 1; j >= 0; j--)
      lengths[i][j] =
        before[i] === after[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < before.length && j < after.length;) {
    if (before[i] === after[j]) {
      kept.add(before[i]);
      i++;
      j++;
    } else if (lengths[i + 1][j] > lengths[i][j + 1]) i++;
    else j++;
  }
  return kept;
}

/**
 * What changed from one version of a rulebook to the next, rule by rule (matched by id), for the version history:
 * removed, added, changed (which fields) and moved (its place among the rules it kept its order with changed). With no
 * previous version, every rule is added.
 */
export function diffRulebooks(before: RulebookDocument | null, after: RulebookDocument): RulebookChange[] {
  const old = before?.rules ?? [];
  const oldIndex = new Map(old.map((rule, index) => [rule.id, index]));
  const newIndex = new Map(after.rules.map((rule, index) => [rule.id, index]));
  const changes: RulebookChange[] = [];

  old.forEach((rule, index) => {
    if (!newIndex.has(rule.id))
      changes.push({
        kind: 'removed',
        ruleId: rule.id,
        position: index + 1,
        summary: `règle ${rule.id} supprimée (était ${index + 1}, « ${rule.label} »)`,
      });
  });

  const common = after.rules.filter((rule) => oldIndex.has(rule.id)).map((rule) => rule.id);
  const kept = keptInOrder(
    old.filter((rule) => newIndex.has(rule.id)).map((rule) => rule.id),
    common,
  );

  after.rules.forEach((rule, index) => {
    const previous = oldIndex.get(rule.id);
    if (previous === undefined) {
      changes.push({
        kind: 'added',
        ruleId: rule.id,
        position: index + 1,
        summary: `règle ${rule.id} ajoutée en ${index + 1} (« ${rule.label} »)`,
      });
      return;
    }
    if (!kept.has(rule.id))
      changes.push({
        kind: 'moved',
        ruleId: rule.id,
        from: previous + 1,
        to: index + 1,
        summary: `règle ${rule.id} déplacée de ${previous + 1} à ${index + 1}`,
      });
    const fields = changedFields(old[previous], rule);
    if (fields.length > 0)
      changes.push({
        kind: 'changed',
        ruleId: rule.id,
        fields,
        summary: `règle ${rule.id} modifiée : ${fields.map((field) => FIELD_WORDS[field]).join(', ')}`,
      });
  });
  return changes;
}
