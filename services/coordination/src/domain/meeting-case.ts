import { CoordinationError } from './coordination-error';
import type { CaseTheme } from './meeting';

/** The contract's themes (CASE_THEMES of @msp/contracts; the domain takes only its types). */
export const CASE_THEMES = [
  'complex_patient',
  'polypathology',
  'polymedication',
  'palliative_care',
  'elderly_at_home',
  'loss_of_autonomy',
  'mental_health',
  'chronic_disease_decompensation',
  'social_situation',
  'other',
] as const satisfies readonly CaseTheme[];

/** More cases than this cannot be reviewed in one sitting: a longer list is a mistake. */
export const MAX_CASES_PER_MEETING = 30;
export const MAX_REASON_LENGTH = 1_000;

export function checkTheme(theme: string, field: string): CaseTheme {
  if (!(CASE_THEMES as readonly string[]).includes(theme))
    throw CoordinationError.invalid(field, `must be one of ${CASE_THEMES.join(', ')}`);
  return theme as CaseTheme;
}

/** Wording written by members: trimmed, not empty, bounded. */
export function checkWording(text: string, field: string, max = MAX_REASON_LENGTH): string {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > max) throw CoordinationError.invalid(field, `must be 1 to ${max} characters`);
  return trimmed;
}

/**
 * How a patient is shown where identity is not asked for (the minutes' PDF by default): a short opaque reference
 * that lets the team match the case to its own records without naming anyone.
 */
export function patientReference(patientId: string): string {
  return `P-${patientId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}
