import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { newFeedToken } from '../../domain/feed-token';
import { PATIENT_SERVICES_SETTINGS, type PatientServicesSettings } from '../patient-services-settings';
import { assertPractitioner } from '../permissions';
import { IcalFeedRepository, type IcalFeed } from '../ports/ical-feed.repository';

export interface CreatedFeed {
  feed: IcalFeed;
  /** Shown once: the secret URL a phone calendar subscribes to. */
  url: string;
}

/** A practitioner creates a calendar feed of their own agenda (SCH-10); its URL is shown this once. */
@Injectable()
export class CreateIcalFeedHandler {
  constructor(
    private readonly feeds: IcalFeedRepository,
    @Inject(PATIENT_SERVICES_SETTINGS) private readonly settings: PatientServicesSettings,
  ) {}

  async execute(user: UserContext, _input: Record<string, never> = {}): Promise<CreatedFeed> {
    assertPractitioner(user);
    const { token, hash } = newFeedToken();
    const feed = await this.feeds.create(randomUUID(), user.memberId, hash);
    return { feed, url: `${this.settings.publicBaseUrl.replace(/\/$/, '')}/ical/${token}.ics` };
  }
}
