import type { Intent, Rule, RuleConditions, TimeWindow } from './rulebook';

/**
 * Which calls a rule can reach, read from its conditions alone. Urgency words always win: an urgent call is decided
 * only by rules that handle emergencies, and its intent counts as `emergency` whatever else was said.
 */

/** A rule an urgent call may reach: it asks for urgency or for the emergency intent. */
export function handlesEmergencies(when: RuleConditions): boolean {
  return when.urgent === true || (when.intents !== undefined && when.intents.includes('emergency'));
}

/**
 * Every urgent call reaches this rule and it sends it to the 15: no condition but urgency (a window, a caller kind or a
 * status could let an emergency through to another rule or to the fallback).
 */
export function sendsEveryEmergencyTo15(rule: Rule): boolean {
  const { when } = rule;
  if (rule.then.type !== 'redirect_15' || !handlesEmergencies(when)) return false;
  for (const key of Object.keys(when) as Array<keyof RuleConditions>) {
    if (key !== 'urgent' && key !== 'intents') return false;
  }
  return when.urgent !== false && (when.intents === undefined || when.intents.includes('emergency'));
}

/** The rule can match an urgent call (see `handlesEmergencies`) and a non-urgent one, as its conditions allow. */
function reachesUrgent(when: RuleConditions): boolean {
  return handlesEmergencies(when) && when.urgent !== false && (!when.intents || when.intents.includes('emergency'));
}

function reachesNonUrgent(when: RuleConditions): boolean {
  return when.urgent !== true && (!when.intents || when.intents.some((intent) => intent !== 'emergency'));
}

/** Why no call can ever match these conditions, one reason per contradiction, with the condition at fault. */
export function contradictionsOf(when: RuleConditions): Array<{ condition: keyof RuleConditions; reason: string }> {
  const found: Array<{ condition: keyof RuleConditions; reason: string }> = [];
  const onlyNonPatients = when.callerKinds !== undefined && !when.callerKinds.includes('patient');
  if (onlyNonPatients && when.passThrough === true)
    found.push({
      condition: 'passThrough',
      reason: 'seuls les patients sont sur la liste de passage : la règle ne vise aucun patient',
    });
  if (onlyNonPatients && when.prefersHuman === true)
    found.push({
      condition: 'prefersHuman',
      reason: 'seuls les patients peuvent préférer parler à une personne : la règle ne vise aucun patient',
    });
  if (!reachesUrgent(when) && !reachesNonUrgent(when)) {
    found.push(
      when.urgent === true
        ? {
            condition: 'intents',
            reason: 'un appel urgent a toujours le motif « urgence » : ces motifs ne le concernent jamais',
          }
        : { condition: 'urgent', reason: 'le motif « urgence » rend un appel toujours urgent' },
    );
  }
  return found;
}

/** What an urgent call's intent counts as. */
const EMERGENCY_ONLY: readonly Intent[] = ['emergency'];

function isSubset<T>(inner: readonly T[] | undefined, outer: readonly T[] | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  return inner.every((value) => outer.includes(value));
}

function sameWindow(a: TimeWindow, b: TimeWindow): boolean {
  return (
    a.from === b.from &&
    a.to === b.to &&
    (a.onHolidays ?? 'excluded') === (b.onHolidays ?? 'excluded') &&
    isSubset(a.days, b.days) &&
    isSubset(b.days, a.days)
  );
}

/**
 * Whether `earlier` matches every call `later` matches, judged conservatively dimension by dimension (a rule hidden only
 * by several earlier rules together is not reported). An earlier `forward_on_duty` can let calls through, so it hides
 * nothing.
 */
export function covers(earlier: Rule, later: Rule): boolean {
  if (earlier.then.type === 'forward_on_duty') return false;
  const a = earlier.when;
  const b = later.when;
  if (reachesUrgent(b) && !reachesUrgent(a)) return false;
  if (reachesNonUrgent(b) && !reachesNonUrgent(a)) return false;
  if (a.passThrough !== undefined && a.passThrough !== b.passThrough) return false;
  if (a.prefersHuman !== undefined && a.prefersHuman !== b.prefersHuman) return false;
  if (a.window !== undefined && (b.window === undefined || !sameWindow(a.window, b.window))) return false;
  return (
    isSubset(b.callerKinds, a.callerKinds) &&
    isSubset<Intent>(reachesNonUrgent(b) ? b.intents : EMERGENCY_ONLY, a.intents) &&
    isSubset(b.practitionerStatus, a.practitionerStatus)
  );
}

/** No condition: the rule takes every call that reaches it (every non-urgent call). */
export function isCatchAll(rule: Rule): boolean {
  return rule.then.type !== 'forward_on_duty' && Object.keys(rule.when).length === 0;
}
