import { Module } from '@nestjs/common';
import { IndicatorsQuery } from '../application/dashboard/indicators.query';
import { IndicatorsResolver } from '../interface/graphql/resolvers/indicators.resolver';
import { IndicatorInputsModule } from './indicator-inputs.module';
import { OperationalIndicatorsModule } from './operational-indicators.module';

/** IND-1..4 for the console: catalogue, operational scores per period, time freed per practitioner and week. */
@Module({
  imports: [OperationalIndicatorsModule, IndicatorInputsModule],
  providers: [IndicatorsQuery, IndicatorsResolver],
})
export class IndicatorsDashboardModule {}
