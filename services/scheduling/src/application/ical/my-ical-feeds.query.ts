import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { assertPractitioner } from '../permissions';
import { IcalFeedRepository, type IcalFeed } from '../ports/ical-feed.repository';

/** A practitioner's own calendar feeds, revoked ones included. */
@Injectable()
export class MyIcalFeedsQuery {
  constructor(private readonly feeds: IcalFeedRepository) {}

  execute(user: UserContext): Promise<IcalFeed[]> {
    assertPractitioner(user);
    return this.feeds.list(user.memberId);
  }
}
