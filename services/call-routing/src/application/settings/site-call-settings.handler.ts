import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { CallRoutingError } from '../../domain/call-routing-error';
import { defaultTerritoryOf, publicHolidaysOf } from '../../domain/calendar/french-holidays';
import { HOLIDAY_TERRITORIES, type HolidayTerritory } from '../../domain/calendar/site-calendar';
import { assertText, assertUuid, assertUuids } from '../input-checks';
import { assertRole, PERMISSIONS } from '../permissions';
import { DirectoryCopyRepository, type SiteRef } from '../ports/directory-copy.repository';
import { SiteSettingsRepository, type SiteCallSettings } from '../ports/site-settings.repository';

export interface SaveSiteCallSettingsInput {
  siteId: string;
  territory?: string | null;
  workedHolidays?: string[] | null;
  dutyRoster?: string[] | null;
  remoteQueue?: string | null;
  bookingMotifId?: string | null;
}

/** What a site's calls need beyond the rulebook: holidays, who is on duty, the phone-booking motif, the remote queue. */
@Injectable()
export class SiteCallSettingsHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly settings: SiteSettingsRepository,
    private readonly directory: DirectoryCopyRepository,
    private readonly clock: Clock,
  ) {}

  /** The site's settings, or the defaults a new site starts with (holidays of the territory its zone implies). */
  async of(user: UserContext, siteId: string): Promise<SiteCallSettings> {
    const site = await this.visibleSite(user, siteId, undefined);
    return (await this.settings.get(site.siteId)) ?? defaultSettings(site);
  }

  async save(user: UserContext, input: SaveSiteCallSettingsInput): Promise<SiteCallSettings> {
    const site = await this.visibleSite(user, input.siteId, PERMISSIONS.manageSiteRules);
    const current = (await this.settings.get(site.siteId)) ?? defaultSettings(site);
    const territory = input.territory ?? current.territory;
    if (!(HOLIDAY_TERRITORIES as readonly string[]).includes(territory))
      throw CallRoutingError.invalid(
        'input.territory',
        `"${territory}" is not a holiday territory: one of ${HOLIDAY_TERRITORIES.join(', ')}`,
      );
    const workedHolidays = input.workedHolidays ?? current.workedHolidays;
    const year = this.clock.now().getUTCFullYear();
    const ofTerritory = new Set(
      [year, year + 1].flatMap((y) => publicHolidaysOf(y, territory as HolidayTerritory).map((h) => h.id)),
    );
    workedHolidays.forEach((id, i) => {
      if (!ofTerritory.has(id))
        throw CallRoutingError.invalid(`input.workedHolidays[${i}]`, `"${id}" is not a public holiday of ${territory}`);
    });
    const dutyRoster = input.dutyRoster ? assertUuids(input.dutyRoster, 'input.dutyRoster') : current.dutyRoster;
    const members = new Set(await this.directory.currentMembers(site.structureId, dutyRoster));
    dutyRoster.forEach((id, i) => {
      if (!members.has(id)) throw CallRoutingError.notFound('Practitioner', `input.dutyRoster[${i}]`);
    });
    const remoteQueue =
      input.remoteQueue === undefined ? current.remoteQueue : queueName(input.remoteQueue, 'input.remoteQueue');
    const bookingMotifId =
      input.bookingMotifId === undefined
        ? current.bookingMotifId
        : input.bookingMotifId && assertUuid(input.bookingMotifId, 'input.bookingMotifId');
    return this.transactions.run(() =>
      this.settings.save({
        siteId: site.siteId,
        structureId: site.structureId,
        territory: territory as HolidayTerritory,
        workedHolidays: [...new Set(workedHolidays)],
        dutyRoster: [...new Set(dutyRoster)],
        remoteQueue,
        bookingMotifId: bookingMotifId ?? null,
        updatedAt: this.clock.now(),
        updatedBy: user.memberId,
      }),
    );
  }

  private async visibleSite(
    user: UserContext,
    siteId: string,
    roles: readonly (typeof PERMISSIONS.manageSiteRules)[number][] | undefined,
  ): Promise<SiteRef> {
    const id = assertUuid(siteId, 'input.siteId');
    const unseen = CallRoutingError.notFound('Site', 'input.siteId');
    const site = await this.directory.site(id);
    if (!site) throw unseen;
    assertRole(user, site.structureId, roles ?? PERMISSIONS.readStatistics, unseen);
    return site;
  }
}

export function defaultSettings(site: SiteRef): SiteCallSettings {
  return {
    siteId: site.siteId,
    structureId: site.structureId,
    territory: defaultTerritoryOf(site.timeZone),
    workedHolidays: [],
    dutyRoster: [],
    remoteQueue: null,
    bookingMotifId: null,
    updatedAt: new Date(0),
    updatedBy: null,
  };
}

function queueName(value: string | null, field: string): string | null {
  if (value === null || value === '') return null;
  const name = assertText(value, field).trim();
  if (!/^[\p{L}\p{N} _-]{1,64}$/u.test(name))
    throw CallRoutingError.invalid(field, 'must be 1 to 64 letters, digits, spaces, dashes or underscores');
  return name;
}
