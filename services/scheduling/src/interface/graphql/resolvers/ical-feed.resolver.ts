import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { IcalFeedsHandler } from '../../../application/ical/ical-feeds.handler';
import type { IcalFeed } from '../../../infrastructure/repositories/ical-feed.repository';
import { CreatedIcalFeedType, IcalFeedType } from '../types/ical-feed.type';

const toType = (f: IcalFeed): IcalFeedType => ({ id: f.id, createdAt: f.createdAt, revokedAt: f.revokedAt });

@Resolver(() => IcalFeedType)
export class IcalFeedResolver {
  constructor(private readonly feeds: IcalFeedsHandler) {}

  @Query(() => [IcalFeedType], { description: 'Your calendar feeds' })
  async myIcalFeeds(@CurrentUser() user: UserContext) {
    return (await this.feeds.list(user)).map(toType);
  }

  @Mutation(() => CreatedIcalFeedType, {
    description: 'A new secret calendar URL of your agenda (busy time, motif and site; no patient)',
  })
  async createIcalFeed(@CurrentUser() user: UserContext) {
    const { feed, url } = await this.feeds.create(user);
    return { feed: toType(feed), url };
  }

  @Mutation(() => IcalFeedType, { description: 'The URL stops working at once' })
  async revokeIcalFeed(@CurrentUser() user: UserContext, @Args('feedId', { type: () => ID }) feedId: string) {
    return toType(await this.feeds.revoke(user, feedId));
  }
}
