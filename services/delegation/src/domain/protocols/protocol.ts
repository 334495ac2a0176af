import type { ValidationCircuitV1 } from '@msp/contracts';
import { isPhysicianProfession } from '@msp/contracts/professions';

export type ValidationCircuit = ValidationCircuitV1;
export const VALIDATION_CIRCUITS: readonly ValidationCircuit[] = ['none', 'referent_review', 'weekly_review'];

/** What sends a task back to the physician (DEL-2, DEL-5): any one hit escalates on submission. */
export interface AlertThresholds {
  /** Task categories (a call's intent, an exam's kind, set when the task is made) that always go back. */
  categories: string[];
  /** Flags the delegate raises while working (`abnormal_result`, `patient_worried`…). */
  flags: string[];
  /** Words or phrases in the delegate's report or comments (accent- and case-insensitive, whole words). */
  keywords: string[];
}

/** How long a task under the protocol may take before it escalates; null: no deadline unless a task sets one. */
export interface DeadlineRule {
  withinHours: number;
}

/** The content of one protocol version, as its authors wrote it. */
export interface ProtocolContent {
  title: string;
  /** The mission delegated, in a sentence or two. */
  mission: string;
  /** The procedure, in markdown. */
  procedure: string;
  taskType: string;
  executingRoles: string[];
  /** Professions involved: the referents' and the delegates'. */
  professions: string[];
  validationCircuit: ValidationCircuit;
  alertThresholds: AlertThresholds;
  deadline: DeadlineRule | null;
  /** Minutes of physician time one task stands for; null: the catalogue task type's. */
  standardMinutes: number | null;
}

export type ProtocolStatus = 'draft' | 'adopted' | 'retired';

/** The ACI's pluriprofessional protocol: at least two professions, one of them a physician's (PHYSICIAN_PROFESSIONS). */
export function isPluriprofessional(professions: readonly string[]): boolean {
  return new Set(professions).size >= 2 && professions.some(isPhysicianProfession);
}

export const MAX_DEADLINE_HOURS = 24 * 90;
const MAX_THRESHOLD_ENTRIES = 50;

/** Every problem of a protocol's content, by field (relative to the input): all reported at once. */
export function protocolContentProblems(content: ProtocolContent, knownRoles: readonly string[]): Map<string, string> {
  const problems = new Map<string, string>();
  if (!content.title.trim() || content.title.length > 160) problems.set('title', 'must be 1 to 160 characters');
  if (!content.mission.trim()) problems.set('mission', 'must say what is delegated');
  if (content.procedure.length > 20_000) problems.set('procedure', 'must be at most 20000 characters');
  if (content.executingRoles.length === 0) problems.set('executingRoles', 'must name at least one role');
  const unknown = content.executingRoles.filter((r) => !knownRoles.includes(r));
  if (unknown.length) problems.set('executingRoles', `unknown role(s): ${unknown.join(', ')}`);
  if (content.executingRoles.includes('practitioner'))
    problems.set('executingRoles', 'a protocol delegates from physicians: practitioner cannot be an executing role');
  if (content.professions.some((p) => !/^[a-z][a-z_]{1,63}$/.test(p)))
    problems.set('professions', 'must be profession codes (lowercase letters and underscores)');
  if (!VALIDATION_CIRCUITS.includes(content.validationCircuit))
    problems.set('validationCircuit', `must be one of ${VALIDATION_CIRCUITS.join(', ')}`);
  for (const key of ['categories', 'flags', 'keywords'] as const) {
    const entries = content.alertThresholds[key];
    if (entries.length > MAX_THRESHOLD_ENTRIES)
      problems.set(`alertThresholds.${key}`, `at most ${MAX_THRESHOLD_ENTRIES} entries`);
    else if (entries.some((e) => !e.trim() || e.length > 80))
      problems.set(`alertThresholds.${key}`, 'entries must be 1 to 80 characters');
  }
  if (
    content.deadline &&
    (!Number.isInteger(content.deadline.withinHours) ||
      content.deadline.withinHours < 1 ||
      content.deadline.withinHours > MAX_DEADLINE_HOURS)
  )
    problems.set('deadline.withinHours', `must be a whole number of hours between 1 and ${MAX_DEADLINE_HOURS}`);
  if (
    content.standardMinutes !== null &&
    (!Number.isInteger(content.standardMinutes) || content.standardMinutes < 0 || content.standardMinutes > 1_440)
  )
    problems.set('standardMinutes', 'must be a whole number of minutes between 0 and 1440');
  return problems;
}

/** The protocol lifecycle: drafted, adopted, revised (a new version, still adopted), retired. */
export type ProtocolStep = 'edit_draft' | 'adopt' | 'revise' | 'retire';

const STEPS_FROM: Record<ProtocolStatus, readonly ProtocolStep[]> = {
  draft: ['edit_draft', 'adopt', 'retire'],
  adopted: ['revise', 'retire'],
  retired: [],
};

export function protocolStepsFrom(status: ProtocolStatus): readonly ProtocolStep[] {
  return STEPS_FROM[status];
}
