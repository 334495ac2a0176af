import { Injectable } from '@nestjs/common';
import { assertStructureAccess, ForbiddenError, hasRoleIn, type UserContext } from '@msp/auth';
import { inputChecks } from '@msp/errors';
import type { Catalogue } from '../../domain/catalogue-loader';
import { IndicatorsError, IndicatorsErrorCode } from '../../domain/indicators-error';
import { timeFreedOf } from '../../domain/operational-values';
import { parsePeriod, parseWeek } from '../../domain/period';
import type { TimeFreed } from '../../domain/time-freed';
import { IndicatorData } from '../indicator-data';
import { OperationalIndicators, type OperationalFigures } from './operational-indicators';

const input = inputChecks(IndicatorsErrorCode.InvalidInput);

export interface PractitionerTimeFreed extends TimeFreed {
  practitionerId: string;
}

/**
 * IND-1..4 for the console's dashboard: the catalogue, the operational indicators scored over a period, the medical
 * time freed per practitioner and week. Administrators and coordinators of the structure read every figure; a
 * practitioner reads the structure's and their own. Anyone else is told the structure does not exist.
 */
@Injectable()
export class IndicatorsQuery {
  constructor(
    private readonly operational: OperationalIndicators,
    private readonly data: IndicatorData,
  ) {}

  catalogue(user: UserContext, structureId: string): readonly Catalogue[] {
    this.reader(user, structureId);
    return this.data.catalogues;
  }

  async activity(
    user: UserContext,
    structureId: string,
    periodCode: string,
    practitionerId: string | null,
  ): Promise<OperationalFigures> {
    const id = this.reader(user, structureId, practitionerId);
    const period = parsePeriod(periodCode, 'period');
    return this.operational.figures(id, period, practitionerId && input.uuid(practitionerId, 'practitionerId'));
  }

  async timeFreed(user: UserContext, structureId: string, weekCode: string): Promise<PractitionerTimeFreed[]> {
    const { id, everyone } = this.readerOf(user, structureId);
    const week = parseWeek(weekCode, 'week');
    const activity = await this.operational.activity(id, week);
    const ids = new Set<string>();
    for (const a of activity) if (a.practitionerId) ids.add(a.practitionerId);
    return [...ids]
      .filter((practitionerId) => everyone || practitionerId === user.memberId)
      .sort()
      .map((practitionerId) => {
        const counts = this.operational.figuresOf(activity, week, practitionerId, 1).counts;
        return { practitionerId, ...timeFreedOf(counts, week.days, 1, this.data.timeFreedParameters) };
      });
  }

  private reader(user: UserContext, structureId: string, practitionerId: string | null = null): string {
    const { id, everyone } = this.readerOf(user, structureId);
    if (practitionerId && !everyone && practitionerId !== user.memberId)
      throw new ForbiddenError('A practitioner reads the structure’s figures and their own only');
    return id;
  }

  private readerOf(user: UserContext, structureId: string): { id: string; everyone: boolean } {
    const id = input.uuid(structureId, 'structureId');
    assertStructureAccess(
      user,
      id,
      ['administrator', 'coordinator', 'practitioner'],
      IndicatorsError.notFound('Structure', 'structureId'),
    );
    return { id, everyone: hasRoleIn(user, id, ['administrator', 'coordinator']) };
  }
}
