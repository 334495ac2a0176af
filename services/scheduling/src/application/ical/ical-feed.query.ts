import { Injectable } from '@nestjs/common';
import { hashFeedToken, looksLikeFeedToken } from '../../domain/feed-token';
import { IcalFeedRepository, type FeedEntry } from '../ports/ical-feed.repository';
import { Clock } from '@msp/service-kit';
import { DirectoryUnavailableError } from '../ports/directory-unavailable.error';
import { PatientDirectory } from '../ports/patient-directory.port';

export interface FeedEvent extends FeedEntry {
  /** "Site name, address" when the directory told it; null when it could not. */
  location: string | null;
}

const PAST_DAYS = 30;
const FUTURE_DAYS = 180;
const SITE_CACHE_MS = 10 * 60_000;

/**
 * What a calendar feed shows (SCH-10): the practitioner's busy time from a month ago to six months ahead, each with its
 * motif and site — never a patient. An unknown or revoked token is simply not found.
 */
@Injectable()
export class IcalFeedQuery {
  private readonly sites = new Map<string, { location: string | null; at: number }>();

  constructor(
    private readonly feeds: IcalFeedRepository,
    private readonly directory: PatientDirectory,
    private readonly clock: Clock,
  ) {}

  async events(token: string): Promise<FeedEvent[] | null> {
    if (!looksLikeFeedToken(token)) return null;
    const feed = await this.feeds.activeByHash(hashFeedToken(token));
    if (!feed) return null;
    const now = this.clock.now();
    const entries = await this.feeds.entries(
      feed.practitionerId,
      new Date(now.getTime() - PAST_DAYS * 86_400_000),
      new Date(now.getTime() + FUTURE_DAYS * 86_400_000),
      now,
    );
    const locations = new Map<string, string | null>();
    for (const siteId of new Set(entries.map((e) => e.siteId)))
      locations.set(siteId, await this.location(siteId, now.getTime()));
    return entries.map((entry) => ({ ...entry, location: locations.get(entry.siteId) ?? null }));
  }

  private async location(siteId: string, now: number): Promise<string | null> {
    const cached = this.sites.get(siteId);
    if (cached && now - cached.at < SITE_CACHE_MS) return cached.location;
    try {
      const site = await this.directory.site(siteId);
      const location = site ? `${site.name}, ${site.address}` : null;
      this.sites.set(siteId, { location, at: now });
      return location;
    } catch (error) {
      // A feed without places beats no feed: the directory being down must not break subscribed calendars.
      if (error instanceof DirectoryUnavailableError) return cached?.location ?? null;
      throw error;
    }
  }
}
