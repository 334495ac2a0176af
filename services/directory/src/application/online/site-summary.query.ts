import { Injectable } from '@nestjs/common';
import { SiteRepository } from '../ports/site.repository';

export interface SiteSummary {
  siteId: string;
  structureId: string;
  name: string;
  address: string;
  timeZone: string;
  /** The site's own numbers (E.164): the lines call routing answers for the site. */
  phoneLines: string[];
}

/** What a site is called and where it is, for scheduling's public pages and calendar feeds. */
@Injectable()
export class SiteSummaryQuery {
  constructor(private readonly sites: SiteRepository) {}

  async byId(siteId: string): Promise<SiteSummary | null> {
    const site = /^[0-9a-f-]{36}$/i.test(siteId) ? await this.sites.findById(siteId) : null;
    if (!site) return null;
    return {
      siteId: site.id,
      structureId: site.structureId,
      name: site.name,
      address: `${site.addressLine}, ${site.postalCode} ${site.city}`,
      timeZone: site.timeZone,
      phoneLines: site.phoneLines,
    };
  }
}
