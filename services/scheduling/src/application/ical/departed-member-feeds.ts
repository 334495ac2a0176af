import { Injectable } from '@nestjs/common';
import { Clock } from '@msp/service-kit';
import { IcalFeedRepository } from '../ports/ical-feed.repository';

/**
 * A member who leaves a structure loses every calendar feed: a feed shows all of their agenda, and its URL may sit on
 * a phone the practice no longer controls, whatever the date the departure is recorded with. They create a new one if
 * they stay elsewhere. Runs in the inbox transaction of the event: applied once; run again, it revokes nothing more.
 */
@Injectable()
export class DepartedMemberFeeds {
  constructor(
    private readonly feeds: IcalFeedRepository,
    private readonly clock: Clock,
  ) {}

  async revoke(member: { memberId: string }): Promise<number> {
    return (await this.feeds.revokeAllOf(member.memberId, this.clock.now())).length;
  }
}
