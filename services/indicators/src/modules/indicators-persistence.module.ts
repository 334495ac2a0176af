import { type ClassProvider, Module } from '@nestjs/common';
import { ActivityFactsRepository } from '../application/ports/activity-facts.repository';
import { IndicatorInputsRepository } from '../application/ports/indicator-inputs.repository';
import { IndicatorValuesRepository } from '../application/ports/indicator-values.repository';
import { TypeOrmActivityFactsRepository } from '../infrastructure/repositories/typeorm-activity-facts.repository';
import { TypeOrmIndicatorInputsRepository } from '../infrastructure/repositories/typeorm-indicator-inputs.repository';
import { TypeOrmIndicatorValuesRepository } from '../infrastructure/repositories/typeorm-indicator-values.repository';

/** Each repository port of the application, bound to its PostgreSQL implementation. */
const PORTS: ClassProvider[] = [
  { provide: ActivityFactsRepository, useClass: TypeOrmActivityFactsRepository },
  { provide: IndicatorValuesRepository, useClass: TypeOrmIndicatorValuesRepository },
  { provide: IndicatorInputsRepository, useClass: TypeOrmIndicatorInputsRepository },
];

/** Indicators' repositories over its own database, shared by the feature modules. */
@Module({ providers: PORTS, exports: PORTS.map((p) => p.provide) })
export class IndicatorsPersistenceModule {}
