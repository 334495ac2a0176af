import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { ONLINE_PATIENT } from '../../application/actor';
import { BookOnlineHandler, type OnlineBookingInput } from '../../application/online-booking/book-online.handler';
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
 * The practice's public booking page (SCH-5): no user, no GraphQL, limited per client IP. Answers ids and times only,
 * never anyone's identity — not even the booking patient's id.
 */
@Controller('public/:structureId')
@UseGuards(ThrottlerGuard)
@UseFilters(PublicApiFilter)
export class PublicBookingController {
  constructor(
    private readonly agenda: PublicAgendaQuery,
    private readonly booker: BookOnlineHandler,
  ) {}

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
      slots: slots.map(({ practitionerId, siteId, motifId, startsAt, endsAt }) => ({
        practitionerId,
        siteId,
        motifId,
        startsAt,
        endsAt,
      })),
    };
  }

  @Post('bookings')
  @HttpCode(201)
  async book(
    @Param('structureId') structureId: string,
    @Body() body: Omit<OnlineBookingInput, 'structureId'> | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const outcome = await this.booker.execute(ONLINE_PATIENT, {
      ...(body ?? ({} as Omit<OnlineBookingInput, 'structureId'>)),
      structureId,
    });
    if (outcome.status === 'booked')
      return { status: 'booked', appointmentId: outcome.appointment.id, ...slotOf(outcome.appointment) };
    response.status(202);
    return {
      status: 'pending',
      requestId: outcome.requestId,
      message: 'The practice will confirm this appointment: the slot is kept for you until then',
      holdExpiresAt: outcome.hold.holdExpiresAt?.toISOString() ?? null,
      ...slotOf(outcome.hold),
    };
  }
}
