import { Module } from '@nestjs/common';
import { SiteOpeningRangesQuery } from '../application/opening-ranges/site-opening-ranges.query';
import { CrossSiteRangeCheck } from '../application/opening-ranges/cross-site-range.check';
import { DefineOpeningRangeHandler } from '../application/opening-ranges/define-opening-range.handler';
import { OpeningRangesQuery } from '../application/opening-ranges/opening-ranges.query';
import { OpeningRangeResolver } from '../interface/graphql/resolvers/opening-range.resolver';
import { SiteOpeningRangesResolver } from '../interface/graphql/resolvers/site-opening-ranges.resolver';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** Practitioners' recurring opening ranges at their sites, and `Site.openingRanges` for the directory's Site. */
@Module({
  imports: [SchedulingPersistenceModule],
  providers: [
    CrossSiteRangeCheck,
    DefineOpeningRangeHandler,
    OpeningRangesQuery,
    SiteOpeningRangesQuery,
    OpeningRangeResolver,
    SiteOpeningRangesResolver,
  ],
  exports: [DefineOpeningRangeHandler, CrossSiteRangeCheck],
})
export class OpeningRangesModule {}
