import { isoWeekOf } from '../../domain/time/iso-week';
import type { TaskCatalogueQuery } from '../catalogue/task-catalogue.query';
import type { ProtocolRepository } from '../ports/protocol.repository';
import type { Task } from '../ports/task.repository';

/**
 * DEL-6: what a completed task stands for — its protocol version's standard minutes (the catalogue type's by default),
 * counted for the physician it was done for, in the ISO week of its completion (Europe/Paris). A task the physician
 * resolved themselves after an escalation freed no time.
 */
export async function completionOf(
  task: Task,
  completedBy: string,
  delegated: boolean,
  physicianId: string | null,
  now: Date,
  protocols: ProtocolRepository,
  catalogue: TaskCatalogueQuery,
): Promise<Pick<Task, 'completedAt' | 'completedBy' | 'standardMinutes' | 'delegated' | 'isoWeek' | 'physicianId'>> {
  const version =
    task.protocolId && task.protocolVersion ? await protocols.version(task.protocolId, task.protocolVersion) : null;
  const minutes =
    version?.content.standardMinutes ?? (await catalogue.typeOf(task.structureId, task.taskType))?.standardMinutes ?? 0;
  return {
    completedAt: now,
    completedBy,
    standardMinutes: minutes,
    delegated,
    isoWeek: isoWeekOf(now),
    physicianId,
  };
}
