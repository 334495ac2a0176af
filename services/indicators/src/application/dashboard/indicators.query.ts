import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import type { Catalogue } from '../../domain/catalogue-loader';
import { timeFreedOf } from '../../domain/operational-values';
import { parsePeriod, parseWeek } from '../../domain/period';
import type { TimeFreed } from '../../domain/time-freed';
import { IndicatorData } from '../indicator-data';
import { AciIndicators } from './aci-indicators';
import { type ScoredValue, StructureIndicators } from '../inputs/structure-indicators';
import { OperationalIndicators, type OperationalFigures } from './operational-indicators';
import { practitionerReader, structureReader } from './structure-reader';

export interface DashboardFigures extends Omit<OperationalFigures, 'scores'> {
  scores: ScoredValue[];
}

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
    private readonly structure: StructureIndicators,
    private readonly aci: AciIndicators,
  ) {}

  catalogue(user: UserContext, structureId: string): readonly Catalogue[] {
    structureReader(user, structureId);
    return this.data.catalogues;
  }

  /**
   * The operational indicators computed from the events, the ACI criteria they measure (the structure's only), then
   * the imported and declared values of exactly this period; each scored with the values the structure set, and said
   * where it comes from. An ACI criterion imported or declared for the period (the insurer's statement) stands
   * instead of the one computed.
   */
  async activity(
    user: UserContext,
    structureId: string,
    periodCode: string,
    practitionerId: string | null,
  ): Promise<DashboardFigures> {
    const reader = practitionerReader(user, structureId, practitionerId);
    const period = parsePeriod(periodCode, 'period');
    const id = reader.structureId;
    const who = reader.practitionerId;
    const figures = await this.operational.figures(id, period, who);
    const computed = await this.structure.withSettings(id, who, figures.scores);
    const apply = await this.structure.settingsOf(id);
    const stored = await this.structure.storedScores(id, period, who);
    const storedCodes = new Set(stored.map((s) => s.indicator.code));
    const aci = who ? [] : (await this.aci.scores(id, period, apply)).filter((s) => !storedCodes.has(s.indicator.code));
    return { ...figures, scores: [...computed, ...aci, ...stored] };
  }

  async timeFreed(user: UserContext, structureId: string, weekCode: string): Promise<PractitionerTimeFreed[]> {
    const { structureId: id, everyone } = structureReader(user, structureId);
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
}
