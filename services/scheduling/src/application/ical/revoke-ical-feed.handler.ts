import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { Clock } from '@msp/service-kit';
import { SchedulingError } from '../../domain/scheduling-error';
import { assertUuid } from '../input-checks';
import { assertPractitioner } from '../permissions';
import { IcalFeedRepository, type IcalFeed } from '../ports/ical-feed.repository';

/** A practitioner revokes one of their calendar feeds: its URL stops working at once. */
@Injectable()
export class RevokeIcalFeedHandler {
  constructor(
    private readonly feeds: IcalFeedRepository,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: { feedId: string }): Promise<IcalFeed> {
    assertPractitioner(user);
    const feed = await this.feeds.revoke(assertUuid(input.feedId, 'feedId'), user.memberId, this.clock.now());
    if (!feed) throw SchedulingError.notFound('Calendar feed', 'feedId');
    return feed;
  }
}
