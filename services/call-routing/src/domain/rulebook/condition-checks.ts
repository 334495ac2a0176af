import { matchWindow, type WindowMatch } from '../calendar/time-window';
import type { SiteCalendar } from '../calendar/site-calendar';
import type { RuleTrace } from './decision.types';
import type { CallerKind, Intent, PractitionerStatus, RuleConditions, TimeWindow } from './rulebook';

export type ConditionCheck = RuleTrace['checks'][number];

export const INTENT_WORDS: Record<Intent, string> = {
  book: 'prise de rendez-vous',
  move: 'déplacement de rendez-vous',
  cancel: 'annulation de rendez-vous',
  prescription: 'ordonnance',
  results: 'résultats',
  advice: 'conseil médical',
  emergency: 'urgence',
  administrative: 'démarche administrative',
  colleague: 'confrère',
  information: 'renseignements',
  other: 'autre',
};

export const CALLER_WORDS: Record<CallerKind, string> = {
  patient: 'patient connu',
  professional: 'professionnel de santé',
  unknown: 'non identifié',
};

export const STATUS_WORDS: Record<PractitionerStatus, string> = {
  free: 'disponible',
  in_consultation: 'en consultation',
  absent: 'absent',
};

/** A call as its conditions read it: urgency already folded into the intent (urgency words always win). */
export interface CallReading {
  callerKind: CallerKind;
  passThrough: boolean;
  prefersHuman: boolean;
  urgent: boolean;
  /** `emergency` for an urgent call; null while unknown. */
  intent: Intent | null;
  /** The concerned practitioner's status; null when the call concerns nobody in particular. */
  practitionerStatus: PractitionerStatus | null;
  now: Date;
  calendar: SiteCalendar;
  /** Windows already matched for this call: reading the site's wall clock costs tens of µs, and rules share windows. */
  windowsSeen: Array<{ window: TimeWindow; verdict: WindowMatch }>;
}

function listed<T extends string>(values: readonly T[], words: Record<T, string>): string {
  return values.map((value) => words[value]).join(', ');
}

/** Every condition the rule has, each with its verdict and a French reason for the trace. */
export function checkConditions(when: RuleConditions, call: CallReading): ConditionCheck[] {
  const checks: ConditionCheck[] = [];
  if (when.urgent !== undefined)
    checks.push({
      condition: 'urgent',
      holds: when.urgent === call.urgent,
      reason: call.urgent ? 'appel urgent' : 'appel non urgent',
    });
  if (when.intents !== undefined) {
    const intent = call.intent;
    checks.push(
      intent === null
        ? { condition: 'intents', holds: false, reason: 'motif pas encore connu' }
        : when.intents.includes(intent)
          ? { condition: 'intents', holds: true, reason: `motif ${INTENT_WORDS[intent]}` }
          : {
              condition: 'intents',
              holds: false,
              reason: `motif ${INTENT_WORDS[intent]}, la règle vise : ${listed(when.intents, INTENT_WORDS)}`,
            },
    );
  }
  if (when.callerKinds !== undefined) {
    const holds = when.callerKinds.includes(call.callerKind);
    const reason = `appelant ${CALLER_WORDS[call.callerKind]}`;
    checks.push({
      condition: 'callerKinds',
      holds,
      reason: holds ? reason : `${reason}, la règle vise : ${listed(when.callerKinds, CALLER_WORDS)}`,
    });
  }
  if (when.passThrough !== undefined)
    checks.push({
      condition: 'passThrough',
      holds: when.passThrough === call.passThrough,
      reason: call.passThrough ? 'appelant sur la liste de passage' : 'appelant hors de la liste de passage',
    });
  if (when.prefersHuman !== undefined)
    checks.push({
      condition: 'prefersHuman',
      holds: when.prefersHuman === call.prefersHuman,
      reason: call.prefersHuman ? 'le patient préfère parler à une personne' : 'pas de préférence pour une personne',
    });
  if (when.practitionerStatus !== undefined) {
    const status = call.practitionerStatus;
    const holds = status !== null && when.practitionerStatus.includes(status);
    const reason = status === null ? 'aucun praticien concerné' : `praticien ${STATUS_WORDS[status]}`;
    checks.push({
      condition: 'practitionerStatus',
      holds,
      reason: holds ? reason : `${reason}, la règle vise : ${listed(when.practitionerStatus, STATUS_WORDS)}`,
    });
  }
  if (when.window !== undefined) {
    const { holds, reason } = windowVerdict(when.window, call);
    checks.push({ condition: 'window', holds, reason });
  }
  return checks;
}

function sameDays(a: TimeWindow['days'], b: TimeWindow['days']): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  return a.every((day, index) => day === b[index]);
}

function windowVerdict(window: TimeWindow, call: CallReading): WindowMatch {
  for (const seen of call.windowsSeen) {
    const other = seen.window;
    if (
      other === window ||
      (other.from === window.from &&
        other.to === window.to &&
        other.onHolidays === window.onHolidays &&
        sameDays(other.days, window.days))
    )
      return seen.verdict;
  }
  const verdict = matchWindow(window, call.now, call.calendar);
  call.windowsSeen.push({ window, verdict });
  return verdict;
}
