import { z } from 'zod';
import type { CatalogueSource } from './catalogue-loader';
import { sourced, VALUE_STATUS_LABEL_FR, type ValueStatus } from './catalogue-schema';
import { frNumber } from './french-format';
import { IndicatorsError } from './indicators-error';

const parameter = sourced(z.number().nonnegative());

const timeFreedParametersSchema = z.strictObject({
  parameters: z.literal('TIME_FREED'),
  version: z.string().trim().min(1),
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'),
  minutesPerCallHandledWithoutHuman: parameter,
  minutesPerInterruptionAvoided: parameter,
  delegatedMinutesFactor: parameter,
});
export type TimeFreedParameters = z.infer<typeof timeFreedParametersSchema>;

/** Validates a parsed parameters file; every problem is named by file and path. */
export function loadTimeFreedParameters(source: CatalogueSource): TimeFreedParameters {
  const result = timeFreedParametersSchema.safeParse(source.content);
  if (!result.success) {
    throw IndicatorsError.invalidCatalogue(
      result.error.issues.map((issue) => ({
        file: source.file,
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  const problems = (
    ['minutesPerCallHandledWithoutHuman', 'minutesPerInterruptionAvoided', 'delegatedMinutesFactor'] as const
  )
    .filter((key) => result.data[key].value === null)
    .map((key) => ({ file: source.file, path: `${key}.value`, message: 'the time freed needs every parameter' }));
  if (problems.length > 0) throw IndicatorsError.invalidCatalogue(problems);
  return result.data;
}

/** What one practitioner (or a structure's practitioners together) handed over during the period. */
export interface TimeFreedActivity {
  delegatedMinutesCompleted: number;
  callsHandledWithoutHuman: number;
  interruptionsAvoided: number;
  /** Inclusive number of days of the period (a 4-week month: 28). */
  periodDays: number;
  /** How many practitioners the activity is shared by: 1 for one practitioner's own figure. */
  practitioners: number;
}

export interface TimeFreedTerm {
  code: 'delegated_tasks' | 'calls_without_human' | 'interruptions_avoided';
  label: string;
  quantity: number;
  minutesPerUnit: number;
  minutes: number;
  parameterStatus: ValueStatus;
  parameterSource: string;
}

export interface TimeFreed {
  parametersVersion: string;
  minutesPerPractitionerPerWeek: number;
  hoursPerPractitionerPerWeek: number;
  totalMinutes: number;
  weeks: number;
  practitioners: number;
  terms: TimeFreedTerm[];
  /** How the figure was computed, term by term, and which parameters are assumptions (French). */
  explanation: string[];
}

function checkCount(field: string, n: number, positive = false): number {
  if (!Number.isFinite(n) || n < 0 || (positive && n === 0)) {
    throw IndicatorsError.invalid(field, positive ? 'must be a number > 0' : 'must be a number ≥ 0');
  }
  return n;
}

/**
 * Medical time freed per practitioner per week, the platform's headline figure: delegated minutes completed, calls
 * handled without a human and interruptions avoided, each converted with a versioned, sourced parameter, and summed.
 */
export function medicalTimeFreed(activity: TimeFreedActivity, parameters: TimeFreedParameters): TimeFreed {
  const delegated = checkCount('activity.delegatedMinutesCompleted', activity.delegatedMinutesCompleted);
  const calls = checkCount('activity.callsHandledWithoutHuman', activity.callsHandledWithoutHuman);
  const interruptions = checkCount('activity.interruptionsAvoided', activity.interruptionsAvoided);
  const days = checkCount('activity.periodDays', activity.periodDays, true);
  const practitioners = checkCount('activity.practitioners', activity.practitioners, true);
  if (!Number.isInteger(calls))
    throw IndicatorsError.invalid('activity.callsHandledWithoutHuman', 'must be a whole number');
  if (!Number.isInteger(interruptions))
    throw IndicatorsError.invalid('activity.interruptionsAvoided', 'must be a whole number');

  const term = (
    code: TimeFreedTerm['code'],
    label: string,
    quantity: number,
    p: TimeFreedParameters['minutesPerCallHandledWithoutHuman'],
  ): TimeFreedTerm => {
    const minutesPerUnit = p.value ?? 0;
    return {
      code,
      label,
      quantity,
      minutesPerUnit,
      minutes: quantity * minutesPerUnit,
      parameterStatus: p.status,
      parameterSource: p.sources.length > 0 ? p.sources.join(' ; ') : 'aucune source : hypothèse de la plateforme',
    };
  };
  const terms = [
    term('delegated_tasks', 'Minutes de tâches déléguées menées à terme', delegated, parameters.delegatedMinutesFactor),
    term(
      'calls_without_human',
      'Appels traités sans intervention humaine',
      calls,
      parameters.minutesPerCallHandledWithoutHuman,
    ),
    term(
      'interruptions_avoided',
      'Interruptions de consultation évitées',
      interruptions,
      parameters.minutesPerInterruptionAvoided,
    ),
  ];
  const totalMinutes = terms.reduce((sum, t) => sum + t.minutes, 0);
  const weeks = days / 7;
  const perWeek = Math.round((totalMinutes / weeks / practitioners) * 10) / 10;

  const explanation = [
    ...terms.map(
      (t) =>
        `${t.label} : ${frNumber(t.quantity)} × ${frNumber(t.minutesPerUnit)} min = ${frNumber(t.minutes)} min (${VALUE_STATUS_LABEL_FR[t.parameterStatus]} ; ${t.parameterSource}).`,
    ),
    `Total : ${frNumber(totalMinutes)} min sur ${frNumber(weeks)} semaine${weeks > 1 ? 's' : ''} pour ${frNumber(practitioners)} praticien${practitioners > 1 ? 's' : ''} = ${frNumber(perWeek, 1)} min par praticien et par semaine (${frNumber(perWeek / 60, 1)} h).`,
  ];
  if (terms.some((t) => t.parameterStatus !== 'confirmed')) {
    explanation.push(
      `Les minutes par appel et par interruption sont des paramètres de la plateforme (version ${parameters.version}), pas des mesures officielles.`,
    );
  }
  return {
    parametersVersion: parameters.version,
    minutesPerPractitionerPerWeek: perWeek,
    hoursPerPractitionerPerWeek: Math.round((perWeek / 60) * 100) / 100,
    totalMinutes,
    weeks: Math.round(weeks * 1000) / 1000,
    practitioners,
    terms,
    explanation,
  };
}
