import { Module } from '@nestjs/common';
import { OperationalIndicators } from '../application/dashboard/operational-indicators';
import { IndicatorsPersistenceModule } from './indicators-persistence.module';

/** The operational indicators counted from the facts, shared by the projections (changes) and the dashboard. */
@Module({
  imports: [IndicatorsPersistenceModule],
  providers: [OperationalIndicators],
  exports: [OperationalIndicators],
})
export class OperationalIndicatorsModule {}
