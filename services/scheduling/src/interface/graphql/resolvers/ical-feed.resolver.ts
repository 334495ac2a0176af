import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { CreateIcalFeedHandler } from '../../../application/ical/create-ical-feed.handler';
import { MyIcalFeedsQuery } from '../../../application/ical/my-ical-feeds.query';
import {
  RevokeIcalFeedHandler,
  RevokeMemberIcalFeedsHandler,
} from '../../../application/ical/revoke-ical-feed.handler';
import type { IcalFeed } from '../../../application/ports/ical-feed.repository';
import { CreatedIcalFeedType, IcalFeedType } from '../types/ical-feed.type';

const toType = (f: IcalFeed): IcalFeedType => ({ id: f.id, createdAt: f.createdAt, revokedAt: f.revokedAt });

@Resolver(() => IcalFeedType)
export class IcalFeedResolver {
  constructor(
    private readonly feeds: MyIcalFeedsQuery,
    private readonly creator: CreateIcalFeedHandler,
    private readonly revoker: RevokeIcalFeedHandler,
    private readonly memberRevoker: RevokeMemberIcalFeedsHandler,
  ) {}

  @Query(() => [IcalFeedType], { description: 'Your calendar feeds' })
  async myIcalFeeds(@CurrentUser() user: UserContext) {
    return (await this.feeds.execute(user)).map(toType);
  }

  @Mutation(() => CreatedIcalFeedType, {
    description: 'A new secret calendar URL of your agenda (busy time, motif and site; no patient)',
  })
  async createIcalFeed(@CurrentUser() user: UserContext) {
    const { feed, url } = await this.creator.execute(user);
    return { feed: toType(feed), url };
  }

  @Mutation(() => IcalFeedType, {
    description:
      'The URL stops working at once. Your own feeds; administrators: any feed of a member of their structure',
  })
  async revokeIcalFeed(@CurrentUser() user: UserContext, @Args('feedId', { type: () => ID }) feedId: string) {
    return toType(await this.revoker.execute(user, { feedId }));
  }

  @Mutation(() => [IcalFeedType], {
    description: 'Administrators: every calendar feed of a member of their structure stops working at once',
  })
  async revokeMemberIcalFeeds(
    @CurrentUser() user: UserContext,
    @Args('memberId', { type: () => ID }) memberId: string,
  ) {
    return (await this.memberRevoker.execute(user, { memberId })).map(toType);
  }
}
