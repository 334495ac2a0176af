import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { IndicatorAlertsQuery } from '../../../application/dashboard/indicator-alerts.query';
import { type IndicatorHistory, IndicatorHistoryQuery } from '../../../application/dashboard/indicator-history.query';
import { ScoresExportQuery } from '../../../application/dashboard/scores-export.query';
import { ExportedFileType, IndicatorAlertType, IndicatorHistoryType } from '../types/indicator-reports.types';

/** The dashboard's history, alerts and spreadsheet export (issue item 6). */
@Resolver()
export class IndicatorReportsResolver {
  constructor(
    private readonly historyQuery: IndicatorHistoryQuery,
    private readonly alertsQuery: IndicatorAlertsQuery,
    private readonly exportQuery: ScoresExportQuery,
  ) {}

  @Query(() => IndicatorHistoryType, {
    description: 'One computed indicator month by month, from one month (2026-01) to another (2026-12), at most 36',
  })
  async indicatorHistory(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('indicatorCode') indicatorCode: string,
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('practitionerId', { type: () => ID, nullable: true }) practitionerId?: string | null,
  ): Promise<IndicatorHistoryType> {
    const history = await this.historyQuery.history(user, {
      structureId,
      indicatorCode,
      practitionerId: practitionerId ?? null,
      from,
      to,
    });
    return historyType(history);
  }

  @Query(() => [IndicatorHistoryType], {
    description:
      'Several computed indicators (all of them when indicatorCodes is omitted; a practitioner’s own: no structure-only one) month by month, from one month to another, at most 36, the facts read once for all the months',
  })
  async indicatorHistories(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('indicatorCodes', { type: () => [String], nullable: true }) indicatorCodes?: string[] | null,
    @Args('practitionerId', { type: () => ID, nullable: true }) practitionerId?: string | null,
  ): Promise<IndicatorHistoryType[]> {
    const histories = await this.historyQuery.histories(user, {
      structureId,
      indicatorCodes: indicatorCodes ?? null,
      practitionerId: practitionerId ?? null,
      from,
      to,
    });
    return histories.map(historyType);
  }

  @Query(() => [IndicatorAlertType], {
    description:
      'The structure’s (or one practitioner’s) indicators behind their next objective in a period — computed, imported or declared — with the days left (French)',
  })
  indicatorAlerts(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('period') period: string,
    @Args('practitionerId', { type: () => ID, nullable: true }) practitionerId?: string | null,
  ): Promise<IndicatorAlertType[]> {
    return this.alertsQuery.alerts(user, structureId, period, practitionerId ?? null);
  }

  @Query(() => ExportedFileType, {
    description: 'The structure’s scores of a period as a CSV for French spreadsheets (UTF-8 BOM, “;”, decimal comma)',
  })
  indicatorScoresCsv(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('period') period: string,
  ): Promise<ExportedFileType> {
    return this.exportQuery.scoresCsv(user, structureId, period);
  }
}

function historyType(history: IndicatorHistory): IndicatorHistoryType {
  const indicator = history.points[0]?.indicator;
  return {
    structureId: history.structureId,
    practitionerId: history.practitionerId,
    indicatorCode: history.indicatorCode,
    label: indicator?.label ?? history.indicatorCode,
    unit: indicator?.unit ?? '',
    intermediateObjective: history.points.at(-1)?.score.objectives.intermediate.value ?? null,
    targetObjective: history.points.at(-1)?.score.objectives.target.value ?? null,
    points: history.points.map(({ period, values, score }) => ({
      period,
      start: score.period.start,
      end: score.period.end,
      status: score.status,
      level: score.level,
      numerator: values.numerator ?? (typeof values.value === 'number' ? values.value : null),
      denominator: values.denominator ?? null,
      intermediateReached: score.objectives.intermediate.reached,
      targetReached: score.objectives.target.reached,
      achievementRate: score.achievementRate,
    })),
  };
}
