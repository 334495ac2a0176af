import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { IndicatorsQuery } from '../../../application/dashboard/indicators.query';
import { IndicatorCatalogueType, IndicatorScoresType, PractitionerTimeFreedType } from '../types/indicators.types';

/** The console's dashboard: catalogue, operational scores and the medical time freed (IND-1..4). */
@Resolver()
export class IndicatorsResolver {
  constructor(private readonly indicators: IndicatorsQuery) {}

  @Query(() => [IndicatorCatalogueType], {
    description: 'Every catalogue version the service knows, with its indicators',
  })
  indicatorCatalogue(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
  ): IndicatorCatalogueType[] {
    return this.indicators.catalogue(user, structureId).map((c) => ({
      code: c.code,
      version: c.version,
      label: c.label,
      validFrom: c.validFrom,
      validTo: c.validTo,
      indicators: c.indicators.map((i) => ({
        code: i.code,
        label: i.label,
        family: i.family,
        unit: i.unit,
        direction: i.direction,
        intermediateObjective: i.objectives?.intermediate.value ?? null,
        intermediateObjectiveStatus: i.objectives?.intermediate.status ?? 'to_be_completed',
        targetObjective: i.objectives?.target.value ?? null,
        targetObjectiveStatus: i.objectives?.target.status ?? 'to_be_completed',
        status: i.status,
      })),
    }));
  }

  @Query(() => IndicatorScoresType, {
    description:
      'The operational indicators computed from the services’ events over a month (2026-11) or ISO week (2026-W48), and the imported or declared values of that period (also 2026-T1, 2026), each with its provenance',
  })
  async indicatorScores(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('period') period: string,
    @Args('practitionerId', { type: () => ID, nullable: true }) practitionerId?: string | null,
  ): Promise<IndicatorScoresType> {
    const figures = await this.indicators.activity(user, structureId, period, practitionerId ?? null);
    const first = figures.scores[0]?.score.period ?? { start: '', end: '' };
    return {
      structureId,
      practitionerId: practitionerId ?? null,
      period,
      start: first.start,
      end: first.end,
      activity: figures.counts,
      scores: figures.scores.map(({ indicator, values, score, provenance, record, settings }) => ({
        catalogue: score.catalogue,
        version: score.version,
        indicatorCode: score.indicatorCode,
        label: score.label,
        unit: indicator.unit,
        status: score.status,
        level: score.level,
        numerator: values.numerator ?? (typeof values.value === 'number' ? values.value : null),
        denominator: values.denominator ?? null,
        intermediateObjective: score.objectives.intermediate.value,
        intermediateReached: score.objectives.intermediate.reached,
        targetObjective: score.objectives.target.value,
        targetReached: score.objectives.target.reached,
        achievementRate: score.achievementRate,
        pointsMaximum: score.points.maximum,
        pointsEarned: score.points.earned,
        pointsWeighted: score.points.weighted,
        estimatedEuros: score.estimatedEuros,
        unconfirmed: score.unconfirmed,
        explanation: score.explanation,
        provenance,
        importedFile: record?.file?.name ?? null,
        importedFileSha256: record?.file?.sha256 ?? null,
        evidenceReference: record?.evidenceReference ?? null,
        recordedBy: record?.recordedBy ?? null,
        recordedAt: record?.recordedAt ?? null,
        settings: settings.map((s) => ({ ...s, provenance: 'set' })),
      })),
    };
  }

  @Query(() => [PractitionerTimeFreedType], {
    description: 'IND-4: medical time freed per practitioner in an ISO week (2026-W48), with each term',
  })
  timeFreed(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('week') week: string,
  ): Promise<PractitionerTimeFreedType[]> {
    return this.indicators.timeFreed(user, structureId, week);
  }
}
