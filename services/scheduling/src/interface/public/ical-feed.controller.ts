import { Controller, Get, Header, NotFoundException, Param, UseFilters, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { IcalFeedQuery } from '../../application/ical/ical-feed.query';
import { renderCalendar } from './ical-calendar.renderer';
import { PublicApiFilter } from './public-api.filter';
import { BOOKING_THROTTLER } from './public-throttling';

/** `GET /ical/{token}.ics`: a practitioner's read-only calendar, reached by its secret URL only; revoked, it is gone. */
@Controller('ical')
@UseGuards(ThrottlerGuard)
@UseFilters(PublicApiFilter)
export class IcalFeedController {
  constructor(private readonly feeds: IcalFeedQuery) {}

  @Get(':file')
  @SkipThrottle({ [BOOKING_THROTTLER]: true })
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  async feed(@Param('file') file: string): Promise<string> {
    const events = file.endsWith('.ics') ? await this.feeds.events(file.slice(0, -4)) : null;
    if (!events) throw new NotFoundException('No such calendar');
    return renderCalendar(events);
  }
}
