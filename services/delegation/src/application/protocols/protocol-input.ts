import { ROLES } from '@msp/auth';
import { DelegationError } from '../../domain/delegation-error';
import { protocolContentProblems, type ProtocolContent, type ValidationCircuit } from '../../domain/protocols/protocol';
import type { TaskCatalogueQuery } from '../catalogue/task-catalogue.query';

/** A protocol's content as a client sends it (drafting, editing a draft, revising). */
export interface ProtocolContentInput {
  title: string;
  mission: string;
  procedure: string;
  taskType: string;
  executingRoles: string[];
  professions: string[];
  validationCircuit: string;
  alertThresholds?: { categories?: string[] | null; flags?: string[] | null; keywords?: string[] | null } | null;
  deadlineHours?: number | null;
  standardMinutes?: number | null;
}

const unique = (values: readonly string[] | null | undefined): string[] => [
  ...new Set((values ?? []).map((v) => v.trim())),
];

/** Checks a protocol's content against the domain's rules and the structure's catalogue; the first problem is named. */
export async function protocolContentOf(
  input: ProtocolContentInput,
  structureId: string,
  catalogue: TaskCatalogueQuery,
  field = 'input',
): Promise<ProtocolContent> {
  const content: ProtocolContent = {
    title: input.title.trim(),
    mission: input.mission.trim(),
    procedure: input.procedure,
    taskType: input.taskType,
    executingRoles: unique(input.executingRoles),
    professions: unique(input.professions),
    validationCircuit: input.validationCircuit as ValidationCircuit,
    alertThresholds: {
      categories: unique(input.alertThresholds?.categories),
      flags: unique(input.alertThresholds?.flags),
      keywords: unique(input.alertThresholds?.keywords),
    },
    deadline: input.deadlineHours == null ? null : { withinHours: input.deadlineHours },
    standardMinutes: input.standardMinutes ?? null,
  };
  const problems = protocolContentProblems(content, ROLES);
  const type = await catalogue.typeOf(structureId, content.taskType);
  if (!type) problems.set('taskType', "is not in the structure's task catalogue");
  const [first] = problems;
  if (first) {
    const fieldName = first[0] === 'deadline.withinHours' ? 'deadlineHours' : first[0];
    throw DelegationError.invalid(`${field}.${fieldName}`, first[1]);
  }
  return content;
}
