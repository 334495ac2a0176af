import { type ClassProvider, Module } from '@nestjs/common';
import { AciFactsRepository } from '../application/ports/aci-facts.repository';
import { ActivityFactsRepository } from '../application/ports/activity-facts.repository';
import { IndicatorInputsRepository } from '../application/ports/indicator-inputs.repository';
import { IndicatorValuesRepository } from '../application/ports/indicator-values.repository';
import { TypeOrmAciFactsRepository } from '../infrastructure/repositories/typeorm-aci-facts.repository';
import { OpeningFactsRepository } from '../application/ports/opening-facts.repository';
import { RecomputeQueue } from '../application/ports/recompute-queue';
import { TypeOrmActivityFactsRepository } from '../infrastructure/repositories/typeorm-activity-facts.repository';
import { TypeOrmIndicatorInputsRepository } from '../infrastructure/repositories/typeorm-indicator-inputs.repository';
import { TypeOrmIndicatorValuesRepository } from '../infrastructure/repositories/typeorm-indicator-values.repository';
import { TypeOrmOpeningFactsRepository } from '../infrastructure/repositories/typeorm-opening-facts.repository';
import { TypeOrmRecomputeQueue } from '../infrastructure/repositories/typeorm-recompute-queue';

/** Each repository port of the application, bound to its PostgreSQL implementation. */
const PORTS: ClassProvider[] = [
  { provide: ActivityFactsRepository, useClass: TypeOrmActivityFactsRepository },
  { provide: IndicatorValuesRepository, useClass: TypeOrmIndicatorValuesRepository },
  { provide: IndicatorInputsRepository, useClass: TypeOrmIndicatorInputsRepository },
  { provide: AciFactsRepository, useClass: TypeOrmAciFactsRepository },
  { provide: OpeningFactsRepository, useClass: TypeOrmOpeningFactsRepository },
  { provide: RecomputeQueue, useClass: TypeOrmRecomputeQueue },
];

/** Indicators' repositories over its own database, shared by the feature modules. */
@Module({ providers: PORTS, exports: PORTS.map((p) => p.provide) })
export class IndicatorsPersistenceModule {}
