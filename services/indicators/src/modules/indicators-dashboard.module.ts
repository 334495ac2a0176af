import { type DynamicModule, Module } from '@nestjs/common';
import { IndicatorAlertsQuery } from '../application/dashboard/indicator-alerts.query';
import { IndicatorHistoryQuery } from '../application/dashboard/indicator-history.query';
import { IndicatorsQuery } from '../application/dashboard/indicators.query';
import { ScoresExportQuery } from '../application/dashboard/scores-export.query';
import { IndicatorReportsResolver } from '../interface/graphql/resolvers/indicator-reports.resolver';
import { IndicatorsResolver } from '../interface/graphql/resolvers/indicators.resolver';
import type { DirectoryClientSettings } from '../infrastructure/clients/http-concertation-population';
import { AciIndicatorsModule } from './aci-indicators.module';
import { IndicatorInputsModule } from './indicator-inputs.module';
import { OperationalIndicatorsModule } from './operational-indicators.module';

/**
 * IND-1..4 for the console: catalogue, operational scores per period, time freed per practitioner and week; history
 * month by month, alerts and the CSV export; the ACI criteria the events measure.
 */
@Module({})
export class IndicatorsDashboardModule {
  static forRoot(directory: DirectoryClientSettings): DynamicModule {
    return {
      module: IndicatorsDashboardModule,
      imports: [OperationalIndicatorsModule, IndicatorInputsModule, AciIndicatorsModule.forRoot(directory)],
      providers: [
        IndicatorsQuery,
        IndicatorsResolver,
        IndicatorHistoryQuery,
        IndicatorAlertsQuery,
        ScoresExportQuery,
        IndicatorReportsResolver,
      ],
    };
  }
}
