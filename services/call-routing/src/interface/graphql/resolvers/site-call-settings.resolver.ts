import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { SiteCallSettingsHandler } from '../../../application/settings/site-call-settings.handler';
import { CallRoutingError } from '../../../domain/call-routing-error';
import { publicHolidaysOf } from '../../../domain/calendar/french-holidays';
import { HOLIDAY_TERRITORIES, type HolidayTerritory } from '../../../domain/calendar/site-calendar';
import { SaveSiteCallSettingsInput } from '../inputs/call-routing.inputs';
import { PublicHolidayType, SiteCallSettingsType } from '../types/call-routing.types';

@Resolver(() => SiteCallSettingsType)
export class SiteCallSettingsResolver {
  constructor(private readonly settings: SiteCallSettingsHandler) {}

  @Query(() => SiteCallSettingsType, { description: "A site's call settings (defaults until saved)" })
  siteCallSettings(@CurrentUser() user: UserContext, @Args('siteId', { type: () => ID }) siteId: string) {
    return this.settings.of(user, siteId);
  }

  @Mutation(() => SiteCallSettingsType, { description: 'Holidays, duty roster, phone-booking motif, remote queue' })
  saveSiteCallSettings(@CurrentUser() user: UserContext, @Args('input') input: SaveSiteCallSettingsInput) {
    return this.settings.save(user, input);
  }

  @Query(() => [PublicHolidayType], {
    description: 'The public holidays of a territory in a year, for choosing worked ones',
  })
  publicHolidays(@Args('territory') territory: string, @Args('year', { type: () => Int }) year: number) {
    if (!(HOLIDAY_TERRITORIES as readonly string[]).includes(territory))
      throw CallRoutingError.invalid('territory', `must be one of ${HOLIDAY_TERRITORIES.join(', ')}`);
    if (!Number.isInteger(year) || year < 1970 || year > 2100)
      throw CallRoutingError.invalid('year', 'must be between 1970 and 2100');
    return publicHolidaysOf(year, territory as HolidayTerritory);
  }
}
