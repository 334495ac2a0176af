import { Injectable } from '@nestjs/common';
import { isRole, type UserContext } from '@msp/auth';
import { Clock } from '@msp/service-kit';
import { TransactionRunner } from '@msp/persistence';
import { TASK_CATEGORIES, taskTypeProblems, type TaskCategory, type TaskType } from '../../domain/catalogue/task-type';
import { DelegationError } from '../../domain/delegation-error';
import { assertUuid } from '../input-checks';
import { assertRole, PERMISSIONS } from '../permissions';
import { CatalogueRepository } from '../ports/catalogue.repository';
import { TaskCatalogueQuery } from './task-catalogue.query';

export interface SetTaskTypeInput {
  structureId: string;
  code: string;
  label?: string | null;
  category?: string | null;
  standardMinutes?: number | null;
  defaultRoles?: string[] | null;
  active?: boolean | null;
}

/** DEL-1: a structure edits a catalogue type (its minutes, label, roles, whether it is offered) or adds its own. */
@Injectable()
export class SetTaskTypeHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly catalogue: CatalogueRepository,
    private readonly types: TaskCatalogueQuery,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: SetTaskTypeInput): Promise<TaskType> {
    assertUuid(input.structureId, 'input.structureId');
    assertRole(
      user,
      input.structureId,
      PERMISSIONS.editCatalogue,
      DelegationError.notFound('Structure', 'input.structureId'),
    );
    return this.transactions.run(async () => {
      const known = await this.types.typeOf(input.structureId, input.code);
      if (!known && (input.label == null || input.category == null || input.standardMinutes == null))
        throw DelegationError.invalid(
          'input.code',
          'is a new task type: label, category and standardMinutes are required',
        );
      const category = input.category ?? known?.category;
      if (!TASK_CATEGORIES.includes(category as TaskCategory))
        throw DelegationError.invalid('input.category', `must be one of ${TASK_CATEGORIES.join(', ')}`);
      const roles = input.defaultRoles ?? known?.defaultRoles ?? ['medical_assistant'];
      const unknownRoles = roles.filter((r) => !isRole(r));
      if (unknownRoles.length || roles.length === 0)
        throw DelegationError.invalid(
          'input.defaultRoles',
          `must name known roles (not: ${unknownRoles.join(', ') || 'none'})`,
        );
      const type: TaskType = {
        code: input.code,
        label: (input.label ?? known?.label ?? '').trim(),
        category: category as TaskCategory,
        standardMinutes: input.standardMinutes ?? known?.standardMinutes ?? 0,
        defaultRoles: [...new Set(roles)],
        active: input.active ?? known?.active ?? true,
      };
      const [first] = taskTypeProblems(type);
      if (first) throw DelegationError.invalid(`input.${first[0]}`, first[1]);
      await this.catalogue.upsert(input.structureId, type, user.memberId, this.clock.now());
      return type;
    });
  }
}
