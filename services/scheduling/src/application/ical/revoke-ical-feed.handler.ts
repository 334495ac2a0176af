import { Injectable } from '@nestjs/common';
import { hasRoleIn, type UserContext } from '@msp/auth';
import { Clock } from '@msp/service-kit';
import { SchedulingError } from '../../domain/scheduling-error';
import { assertUuid } from '../input-checks';
import { assertPractitioner } from '../permissions';
import { IcalFeedRepository, type IcalFeed } from '../ports/ical-feed.repository';

/**
 * A feed's URL stops working at once. A practitioner revokes their own feeds; an administrator revokes any feed of a
 * member of a structure they administer (a leaked URL, a lost phone). Anyone else's feed answers NOT_FOUND, as a
 * missing one does.
 */
@Injectable()
export class RevokeIcalFeedHandler {
  constructor(
    private readonly feeds: IcalFeedRepository,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: { feedId: string }): Promise<IcalFeed> {
    const unseen = SchedulingError.notFound('Calendar feed', 'feedId');
    const feed = await this.feeds.byId(assertUuid(input.feedId, 'feedId'));
    if (!feed) throw unseen;
    if (feed.practitionerId === user.memberId) assertPractitioner(user);
    else await assertAdministers(this.feeds, user, feed.practitionerId, unseen);
    const revoked = await this.feeds.revoke(feed.id, feed.practitionerId, this.clock.now());
    if (!revoked) throw unseen;
    return revoked;
  }
}

/** An administrator revokes every feed of a member of their structure at once (the member stays). */
@Injectable()
export class RevokeMemberIcalFeedsHandler {
  constructor(
    private readonly feeds: IcalFeedRepository,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: { memberId: string }): Promise<IcalFeed[]> {
    const memberId = assertUuid(input.memberId, 'memberId');
    await assertAdministers(this.feeds, user, memberId, SchedulingError.notFound('Member', 'memberId'));
    return this.feeds.revokeAllOf(memberId, this.clock.now());
  }
}

/** The user administers one of the structures the member currently belongs to; else the member is `unseen`. */
async function assertAdministers(
  feeds: IcalFeedRepository,
  user: UserContext,
  memberId: string,
  unseen: SchedulingError,
): Promise<void> {
  const structures = await feeds.structuresOf(memberId);
  if (!structures.some((structureId) => hasRoleIn(user, structureId, ['administrator']))) throw unseen;
}
