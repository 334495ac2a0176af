import { Module } from '@nestjs/common';
import { MeetingSeriesHandler } from '../application/series/meeting-series.handler';
import { SeriesExtension } from '../application/series/series-extension';
import { SeriesSweep } from '../application/series/series-sweep';
import { SeriesResolver } from '../interface/graphql/resolvers/series.resolver';
import { CoordinationPersistenceModule } from './coordination-persistence.module';
import { MeetingsModule } from './meetings.module';

/** COO-1: recurring meetings, written as meetings a horizon ahead. */
@Module({
  imports: [CoordinationPersistenceModule, MeetingsModule],
  providers: [SeriesExtension, SeriesSweep, MeetingSeriesHandler, SeriesResolver],
  exports: [SeriesSweep, MeetingSeriesHandler],
})
export class MeetingSeriesModule {}
