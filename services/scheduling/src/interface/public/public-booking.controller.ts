import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, UseFilters, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { ONLINE_PATIENT } from '../../application/actor';
import { BookOnlineHandler, type OnlineBookingInput } from '../../application/online-booking/book-online.handler';
import { PracticeProfileQuery } from '../../application/online-booking/practice-profile.query';
import { PublicAgendaQuery, type PublicSlotSearch } from '../../application/online-booking/public-agenda.query';
import type { Appointment } from '../../application/ports/appointment.repository';
import { PublicApiFilter } from './public-api.filter';
import { BOOKING_THROTTLER } from './public-throttling';

const slotOf = (a: Appointment) => ({
  practitionerId: a.practitionerId,
  siteId: a.siteId,
  motifId: a.motifId,
  startsAt: a.startsAt.toISOString(),
  endsAt: a.endsAt.toISOString(),
});

/**
 * The practice's public booking page (SCH-5): no user, no GraphQL, limited per client IP. Motifs, slots and bookings
 * answer ids and times only, never anyone's identity — not even the booking patient's id; `practice` names the
 * practice, its sites and its practitioners (public professional information, from the directory) so the page can put
 * names on those ids.
 */
@Controller('public/:structureId')
@UseGuards(ThrottlerGuard)
@UseFilters(PublicApiFilter)
export class PublicBookingController {
  constructor(
    private readonly agenda: PublicAgendaQuery,
    private readonly booker: BookOnlineHandler,
    private readonly practice: PracticeProfileQuery,
  ) {}

  /** 503 `ONLINE.DIRECTORY_UNAVAILABLE` when the directory cannot answer: the page then books without names. */
  @Get('practice')
  @SkipThrottle({ [BOOKING_THROTTLER]: true })
  // Public information that changes rarely: a browser reloading the page need not ask again for a minute.
  @Header('cache-control', 'public, max-age=60')
  async profile(@Param('structureId') structureId: string) {
    const profile = await this.practice.of(structureId);
    return {
      structureId: profile.structureId,
      name: profile.name,
      sites: profile.sites.map(({ siteId, name, address, city, timeZone, phone }) => ({
        id: siteId,
        name,
        address,
        city,
        timeZone,
        phone,
      })),
      practitioners: profile.practitioners.map(({ memberId, displayName, profession, siteIds }) => ({
        id: memberId,
        displayName,
        profession,
        siteIds,
      })),
    };
  }

  @Get('motifs')
  @SkipThrottle({ [BOOKING_THROTTLER]: true })
  async motifs(@Param('structureId') structureId: string) {
    const motifs = await this.agenda.motifs(structureId);
    return {
      motifs: motifs.map((m) => ({
        id: m.id,
        label: m.label,
        durationMinutes: m.durationMinutes,
        channel: m.channel,
        practitionerId: m.practitionerId,
        newPatientsAllowed: m.newPatientsAllowed,
      })),
    };
  }

  @Get('slots')
  @SkipThrottle({ [BOOKING_THROTTLER]: true })
  async slots(@Param('structureId') structureId: string, @Query() query: PublicSlotSearch) {
    const slots = await this.agenda.freeSlots(structureId, query);
    return {
      slots: slots.map(({ practitionerId, siteId, motifId, startsAt, endsAt, timeZone }) => ({
        practitionerId,
        siteId,
        motifId,
        startsAt,
        endsAt,
        timeZone,
      })),
    };
  }

  /**
   * One answer for every identity — a patient of the practice, a new one, or no one the practice knows for a motif
   * open to known patients only: 202, the same keys, the held slot awaiting the practice's confirmation. Telling them
   * apart would tell anyone who is a patient here.
   */
  @Post('bookings')
  @HttpCode(202)
  async book(
    @Param('structureId') structureId: string,
    @Body() body: Omit<OnlineBookingInput, 'structureId'> | undefined,
  ) {
    const { requestId, hold } = await this.booker.execute(ONLINE_PATIENT, {
      ...(body ?? ({} as Omit<OnlineBookingInput, 'structureId'>)),
      structureId,
    });
    return {
      status: 'received',
      requestId,
      message: 'The practice will confirm this appointment: the slot is kept for you until then',
      holdExpiresAt: hold.holdExpiresAt?.toISOString() ?? null,
      ...slotOf(hold),
    };
  }
}
