import { Injectable } from '@nestjs/common';
import { assertStructureAccess, ForbiddenError, hasRoleIn, type UserContext } from '@msp/auth';
import { SchedulingError } from '../../domain/scheduling-error';
import { NoShowRepository } from '../ports/no-show.repository';
import { assertUuid } from '../input-checks';

export interface NoShowRate {
  practitionerId: string;
  month: string;
  completed: number;
  noShows: number;
  /** no-shows / (completed + no-shows); null when neither happened. */
  rate: number | null;
}

export interface NoShowRateSearch {
  structureId: string;
  fromMonth: string;
  toMonth: string;
  practitionerId?: string | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const READERS = ['administrator', 'coordinator'] as const;

/** The no-show rate per practitioner and month (SCH-8); administrators and coordinators see everyone, a practitioner their own. */
@Injectable()
export class NoShowRateQuery {
  constructor(private readonly counts: NoShowRepository) {}

  async execute(user: UserContext, search: NoShowRateSearch): Promise<NoShowRate[]> {
    const structureId = assertUuid(search.structureId, 'input.structureId');
    let practitionerId = search.practitionerId ? assertUuid(search.practitionerId, 'input.practitionerId') : null;
    if (!MONTH.test(search.fromMonth))
      throw SchedulingError.invalid('input.fromMonth', `"${search.fromMonth}" is not a month YYYY-MM`);
    if (!MONTH.test(search.toMonth))
      throw SchedulingError.invalid('input.toMonth', `"${search.toMonth}" is not a month YYYY-MM`);
    if (search.toMonth < search.fromMonth)
      throw SchedulingError.invalid('input.toMonth', `must not be before fromMonth ${search.fromMonth}`);
    assertStructureAccess(user, structureId);
    if (!hasRoleIn(user, structureId, READERS)) {
      if (!hasRoleIn(user, structureId, ['practitioner']) || (practitionerId && practitionerId !== user.memberId)) {
        throw new ForbiddenError(
          'Administrators and coordinators see every practitioner; a practitioner sees their own rate',
        );
      }
      practitionerId = user.memberId;
    }
    const rows = await this.counts.counts(structureId, search.fromMonth, search.toMonth, practitionerId);
    return rows.map((r) => ({ ...r, rate: r.completed + r.noShows ? r.noShows / (r.completed + r.noShows) : null }));
  }
}
