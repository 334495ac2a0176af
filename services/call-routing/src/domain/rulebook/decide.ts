import { type CallReading, type ConditionCheck, checkConditions } from './condition-checks';
import type { DecidedAction, Decision, DecisionInput, RuleTrace, VersionedRulebook } from './decision.types';
import { handlesEmergencies } from './rule-reach';
import type { Rule, RuleAction } from './rulebook';

const SCOPE_WORDS: Record<VersionedRulebook['scope']['kind'], string> = { site: 'cabinet', practitioner: 'praticien' };

const NOT_FOR_EMERGENCIES: ConditionCheck = Object.freeze({
  condition: 'urgent',
  holds: false,
  reason: 'ne traite pas les urgences',
});

const REDIRECT_15: DecidedAction = Object.freeze({ type: 'redirect_15' });
const TAKE_MESSAGE: DecidedAction = Object.freeze({ type: 'take_message' });

/**
 * What happens to a call, and why: the rulebooks are tried in the given order (the practitioner's, then the site's),
 * each rule in order, and the first that matches decides. An urgent call (urgency words or the emergency intent) is
 * decided only by rules handling emergencies; when none applies it still goes to the 15. A call no rule takes becomes a
 * message: no call is lost. Pure: the same input always gives the same decision.
 */
export function decide(input: DecisionInput): Decision {
  const { call } = input;
  const urgent = call.urgent || call.intent === 'emergency';
  const practitionerStatus = input.practitionerId === null ? null : (input.statuses[input.practitionerId] ?? 'free');
  const reading: CallReading = {
    callerKind: call.callerKind,
    passThrough: call.passThrough,
    prefersHuman: call.prefersHuman,
    urgent,
    intent: urgent ? 'emergency' : call.intent,
    practitionerStatus,
    now: input.now,
    calendar: input.calendar,
    windowsSeen: [],
  };
  const trace: RuleTrace[] = [];

  for (const rulebook of input.rulebooks) {
    for (let index = 0; index < rulebook.rules.length; index++) {
      const rule = rulebook.rules[index];
      const base = { scope: rulebook.scope.kind, version: rulebook.version, ruleId: rule.id, label: rule.label };
      if (urgent && !handlesEmergencies(rule.when)) {
        trace.push({ ...base, matched: false, checks: [NOT_FOR_EMERGENCIES] });
        continue;
      }
      const checks = checkConditions(rule.when, reading);
      let action: DecidedAction | undefined;
      if (checks.every((check) => check.holds)) {
        const resolved = resolveAction(rule.then, input);
        if (resolved.check) checks.push(resolved.check);
        action = resolved.action;
      }
      trace.push({ ...base, matched: action !== undefined, checks });
      if (action !== undefined)
        return {
          action,
          ruleId: rule.id,
          scope: rulebook.scope.kind,
          version: rulebook.version,
          practitionerStatus,
          trace,
          explanation: explain(rule, index, rulebook, checks),
        };
    }
  }

  return {
    action: urgent ? REDIRECT_15 : TAKE_MESSAGE,
    ruleId: null,
    scope: null,
    version: null,
    practitionerStatus,
    trace,
    explanation: urgent
      ? "Appel urgent qu'aucune règle d'urgence ne prend : redirection vers le 15 par sécurité"
      : "Aucune règle ne s'applique : consigne par défaut, prise de message (aucun appel n'est perdu)",
  };
}

/** A rule's action as carried out; `forward_on_duty` needs a colleague who is there, or it lets the call go on. */
function resolveAction(
  then: RuleAction,
  input: DecisionInput,
): { action: DecidedAction | undefined; check?: ConditionCheck } {
  if (then.type !== 'forward_on_duty') return { action: then };
  const candidates = then.colleagues ?? input.calendar.dutyRoster;
  const away: string[] = [];
  for (const colleagueId of candidates) {
    if (colleagueId === input.practitionerId) continue;
    if ((input.statuses[colleagueId] ?? 'free') === 'absent') {
      away.push(colleagueId);
      continue;
    }
    const skipped = away.length > 0 ? ` (absent : ${away.join(', ')})` : '';
    return {
      action: { type: 'forward_on_duty', colleagueId },
      check: { condition: 'onDuty', holds: true, reason: `confrère de garde ${colleagueId}${skipped}` },
    };
  }
  return {
    action: undefined,
    check: {
      condition: 'onDuty',
      holds: false,
      reason:
        away.length > 0
          ? `aucun confrère de garde disponible (absent : ${away.join(', ')}), règle suivante`
          : 'aucun confrère de garde inscrit, règle suivante',
    },
  };
}

/** « Règle 3 « Rendez-vous en libre-service » (cabinet, v4) : motif prise de rendez-vous, appelant patient connu ». */
function explain(rule: Rule, index: number, rulebook: VersionedRulebook, checks: readonly ConditionCheck[]): string {
  const reasons = checks.length > 0 ? checks.map((check) => check.reason).join(', ') : 'sans condition';
  return `Règle ${index + 1} « ${rule.label} » (${SCOPE_WORDS[rulebook.scope.kind]}, v${rulebook.version}) : ${reasons}`;
}
