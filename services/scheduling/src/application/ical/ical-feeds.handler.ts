import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ForbiddenError, type UserContext } from '@msp/auth';
import { newFeedToken } from '../../domain/feed-token';
import { SchedulingError } from '../../domain/scheduling-error';
import { IcalFeedRepository, type IcalFeed } from '../../infrastructure/repositories/ical-feed.repository';
import { Clock } from '@msp/service-kit';
import { assertUuid } from '../input-checks';
import { PATIENT_SERVICES_SETTINGS, type PatientServicesSettings } from '../patient-services-settings';

export interface CreatedFeed {
  feed: IcalFeed;
  /** Shown once: the secret URL a phone calendar subscribes to. */
  url: string;
}

/** A practitioner's own calendar feeds (SCH-10): create one (the URL is shown once), list them, revoke one. */
@Injectable()
export class IcalFeedsHandler {
  constructor(
    private readonly feeds: IcalFeedRepository,
    private readonly clock: Clock,
    @Inject(PATIENT_SERVICES_SETTINGS) private readonly settings: PatientServicesSettings,
  ) {}

  async create(user: UserContext): Promise<CreatedFeed> {
    assertPractitioner(user);
    const { token, hash } = newFeedToken();
    const feed = await this.feeds.create(randomUUID(), user.memberId, hash);
    return { feed, url: `${this.settings.publicBaseUrl.replace(/\/$/, '')}/ical/${token}.ics` };
  }

  list(user: UserContext): Promise<IcalFeed[]> {
    assertPractitioner(user);
    return this.feeds.list(user.memberId);
  }

  async revoke(user: UserContext, feedId: string): Promise<IcalFeed> {
    assertPractitioner(user);
    const feed = await this.feeds.revoke(assertUuid(feedId, 'feedId'), user.memberId, this.clock.now());
    if (!feed) throw SchedulingError.notFound('Calendar feed', 'feedId');
    return feed;
  }
}

function assertPractitioner(user: UserContext): void {
  if (!user.memberships.some((m) => m.roles.includes('practitioner')))
    throw new ForbiddenError('Calendar feeds are for practitioners, of their own agenda');
}
