import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from '@msp/service-kit';
import { IndicatorData } from '../application/indicator-data';
import { loadCatalogues } from '../domain/catalogue-loader';
import { loadTimeFreedParameters } from '../domain/time-freed';
import { readDataFiles } from '../infrastructure/catalogue-files';

/**
 * The clock and the data files, read and validated once at boot: a faulty catalogue stops the service with every
 * problem named, rather than scoring on half a catalogue.
 */
@Global()
@Module({})
export class IndicatorsSettingsModule {
  static forRoot(dataDir?: string): DynamicModule {
    const parameters = readDataFiles('parameters', dataDir).map(loadTimeFreedParameters);
    const latest = parameters.sort((a, b) => a.validFrom.localeCompare(b.validFrom)).at(-1);
    if (!latest) throw new Error('data/parameters holds no time-freed parameters');
    const providers = [
      Clock,
      {
        provide: IndicatorData,
        useValue: new IndicatorData(loadCatalogues(readDataFiles('catalogue', dataDir)), latest),
      },
    ];
    return { module: IndicatorsSettingsModule, providers, exports: providers };
  }
}
