import { Module } from '@nestjs/common';
import { OpeningActivity } from '../application/dashboard/opening-activity';
import { OperationalIndicators } from '../application/dashboard/operational-indicators';
import { IndicatorsPersistenceModule } from './indicators-persistence.module';

/**
 * The operational indicators counted from the facts (and the opening of scheduling's ranges), shared by the
 * projections (changes) and the dashboard.
 */
@Module({
  imports: [IndicatorsPersistenceModule],
  providers: [OperationalIndicators, OpeningActivity],
  exports: [OperationalIndicators],
})
export class OperationalIndicatorsModule {}
