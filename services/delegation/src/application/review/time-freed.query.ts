import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { DelegationError } from '../../domain/delegation-error';
import { isoWeeksBetween } from '../../domain/time/iso-week';
import { assertMember } from '../permissions';
import { TaskRepository } from '../ports/task.repository';

export interface TimeFreedWeek {
  isoWeek: string;
  /** Null: delegated work done for nobody in particular (a callback for the secretariat). */
  physicianId: string | null;
  minutes: number;
  tasks: number;
}

/**
 * DEL-6: medical time freed = completed delegated tasks × their protocol's standard minutes (the catalogue type's by
 * default), per physician and ISO week (Europe/Paris). Weeks without any completed task are listed with zero.
 */
@Injectable()
export class TimeFreedQuery {
  constructor(private readonly tasks: TaskRepository) {}

  async weeks(
    user: UserContext,
    input: { structureId: string; fromWeek: string; toWeek: string; physicianId?: string | null },
  ): Promise<TimeFreedWeek[]> {
    assertMember(user, input.structureId, DelegationError.notFound('Structure', 'structureId'));
    const weeks = isoWeeksBetween(input.fromWeek, input.toWeek);
    const rows = await this.tasks.timeFreed(input.structureId, weeks, input.physicianId ?? undefined);
    return weeks.flatMap((week) => {
      const ofWeek = rows.filter((r) => r.isoWeek === week);
      if (ofWeek.length) return ofWeek;
      return input.physicianId ? [{ isoWeek: week, physicianId: input.physicianId, minutes: 0, tasks: 0 }] : [];
    });
  }
}
