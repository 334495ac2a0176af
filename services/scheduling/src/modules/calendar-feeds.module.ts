import { Module } from '@nestjs/common';
import { IcalFeedQuery } from '../application/ical/ical-feed.query';
import { IcalFeedsHandler } from '../application/ical/ical-feeds.handler';
import { IcalFeedResolver } from '../interface/graphql/resolvers/ical-feed.resolver';
import { IcalFeedController } from '../interface/public/ical-feed.controller';
import { DirectoryClientModule } from './directory-client.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** Practitioners' secret iCal feeds of their own agenda (SCH-10). */
@Module({
  imports: [SchedulingPersistenceModule, DirectoryClientModule],
  controllers: [IcalFeedController],
  providers: [IcalFeedsHandler, IcalFeedQuery, IcalFeedResolver],
})
export class CalendarFeedsModule {}
