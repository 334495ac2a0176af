import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { DelegationError } from '../../domain/delegation-error';
import { isoWeekBounds } from '../../domain/time/iso-week';
import { assertRole, PERMISSIONS } from '../permissions';
import { DysfunctionRepository, type DysfunctionReport } from '../ports/dysfunction.repository';
import { TaskRepository, type ReviewCount, type Task } from '../ports/task.repository';

export interface WeeklyReview {
  isoWeek: string;
  from: Date;
  to: Date;
  delegates: ReviewCount[];
  referents: ReviewCount[];
  /** Tasks under a weekly-review protocol completed that week: what the referents read over together. */
  toReview: Task[];
  dysfunctions: DysfunctionReport[];
}

/** DEL-6: the week's review, per delegate and per referent, with the dysfunction reports. */
@Injectable()
export class WeeklyReviewQuery {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly dysfunctions: DysfunctionRepository,
  ) {}

  async of(user: UserContext, structureId: string, isoWeek: string): Promise<WeeklyReview> {
    assertRole(user, structureId, PERMISSIONS.readReview, DelegationError.notFound('Structure', 'structureId'));
    const bounds = isoWeekBounds(isoWeek);
    if (!bounds) throw DelegationError.invalid('isoWeek', 'must be an ISO week such as 2026-W49');
    const [counts, toReview, dysfunctions] = await Promise.all([
      this.tasks.reviewCounts(structureId, bounds.from, bounds.to),
      this.tasks.completedUnderWeeklyReview(structureId, bounds.from, bounds.to),
      this.dysfunctions.ofWeek(structureId, isoWeek),
    ]);
    return { isoWeek, ...bounds, ...counts, toReview, dysfunctions };
  }
}
