import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { DEFAULT_TASK_TYPES } from '../../domain/catalogue/default-task-types';
import type { TaskType } from '../../domain/catalogue/task-type';
import { DelegationError } from '../../domain/delegation-error';
import { assertMember } from '../permissions';
import { CatalogueRepository } from '../ports/catalogue.repository';

/** DEL-1: the default catalogue with the structure's edits laid over it, defaults first in their order. */
@Injectable()
export class TaskCatalogueQuery {
  constructor(private readonly catalogue: CatalogueRepository) {}

  async ofStructure(user: UserContext, structureId: string): Promise<TaskType[]> {
    assertMember(user, structureId, DelegationError.notFound('Structure', 'structureId'));
    return this.typesOf(structureId);
  }

  /** The structure's catalogue, for handlers that already checked the caller. */
  async typesOf(structureId: string): Promise<TaskType[]> {
    const edits = new Map((await this.catalogue.edits(structureId)).map((t) => [t.code, t]));
    const defaults = DEFAULT_TASK_TYPES.map((t) => edits.get(t.code) ?? t);
    const own = [...edits.values()].filter((t) => !DEFAULT_TASK_TYPES.some((d) => d.code === t.code));
    return [...defaults, ...own.sort((a, b) => a.label.localeCompare(b.label, 'fr'))];
  }

  async typeOf(structureId: string, code: string): Promise<TaskType | null> {
    return (await this.typesOf(structureId)).find((t) => t.code === code) ?? null;
  }
}
