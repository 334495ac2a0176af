import { Module } from '@nestjs/common';
import { DeclareIndicatorHandler } from '../application/inputs/declare-indicator.handler';
import { ImportIndicatorValuesHandler } from '../application/inputs/import-indicator-values.handler';
import { IndicatorSettingsQuery, SetIndicatorValueHandler } from '../application/inputs/set-indicator-value.handler';
import { StructureIndicators } from '../application/inputs/structure-indicators';
import { IndicatorFileReader } from '../application/ports/indicator-file-reader.port';
import { CsvIndicatorFileReader } from '../infrastructure/csv/csv-indicator-file-reader';
import { Base64FileScalar } from '@msp/service-kit';
import { IndicatorInputsResolver } from '../interface/graphql/resolvers/indicator-inputs.resolver';
import { IndicatorAnnouncementsModule } from './indicator-announcements.module';
import { IndicatorsPersistenceModule } from './indicators-persistence.module';

/** Imported and declared values, the structure's settings with their audit, and how scores use them. */
@Module({
  imports: [IndicatorsPersistenceModule, IndicatorAnnouncementsModule],
  providers: [
    StructureIndicators,
    ImportIndicatorValuesHandler,
    DeclareIndicatorHandler,
    SetIndicatorValueHandler,
    IndicatorSettingsQuery,
    { provide: IndicatorFileReader, useClass: CsvIndicatorFileReader },
    IndicatorInputsResolver,
    Base64FileScalar,
  ],
  exports: [StructureIndicators],
})
export class IndicatorInputsModule {}
