import { Module } from '@nestjs/common';
import { IcalFeedQuery } from '../application/ical/ical-feed.query';
import { CreateIcalFeedHandler } from '../application/ical/create-ical-feed.handler';
import { MyIcalFeedsQuery } from '../application/ical/my-ical-feeds.query';
import { DepartedMemberFeeds } from '../application/ical/departed-member-feeds';
import { RevokeIcalFeedHandler, RevokeMemberIcalFeedsHandler } from '../application/ical/revoke-ical-feed.handler';
import { IcalFeedResolver } from '../interface/graphql/resolvers/ical-feed.resolver';
import { IcalFeedController } from '../interface/public/ical-feed.controller';
import { DirectoryClientModule } from './directory-client.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** Practitioners' secret iCal feeds of their own agenda (SCH-10), revoked by them, their administrators, or on leaving. */
@Module({
  imports: [SchedulingPersistenceModule, DirectoryClientModule],
  controllers: [IcalFeedController],
  providers: [
    CreateIcalFeedHandler,
    RevokeIcalFeedHandler,
    RevokeMemberIcalFeedsHandler,
    DepartedMemberFeeds,
    MyIcalFeedsQuery,
    IcalFeedQuery,
    IcalFeedResolver,
  ],
  exports: [DepartedMemberFeeds],
})
export class CalendarFeedsModule {}
