import { type DynamicModule, Module } from '@nestjs/common';
import { AciIndicators } from '../application/dashboard/aci-indicators';
import { ConcertationPopulation } from '../application/ports/concertation-population.port';
import {
  DIRECTORY_CLIENT_SETTINGS,
  HttpConcertationPopulation,
  type DirectoryClientSettings,
} from '../infrastructure/clients/http-concertation-population';
import { IndicatorsPersistenceModule } from './indicators-persistence.module';

/** The ACI criteria measured from the events, with the directory's eligible population. */
@Module({})
export class AciIndicatorsModule {
  static forRoot(directory: DirectoryClientSettings): DynamicModule {
    return {
      module: AciIndicatorsModule,
      imports: [IndicatorsPersistenceModule],
      providers: [
        AciIndicators,
        { provide: DIRECTORY_CLIENT_SETTINGS, useValue: directory },
        { provide: ConcertationPopulation, useClass: HttpConcertationPopulation },
      ],
      exports: [AciIndicators],
    };
  }
}
