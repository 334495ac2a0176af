import type { TaskType } from '../../domain/catalogue/task-type';

/** A structure's edits of the catalogue; the defaults live in the domain. */
export abstract class CatalogueRepository {
  abstract edits(structureId: string): Promise<TaskType[]>;
  abstract upsert(structureId: string, type: TaskType, by: string, at: Date): Promise<void>;
}
