import { Body, HttpCode, Param, Post, Req } from '@nestjs/common';
import { InternalApiController } from '@msp/messaging';
import type { Actor } from '../../application/actor';
import {
  CancelAppointmentHandler,
  type CancelAppointmentInput,
} from '../../application/booking/cancel-appointment.handler';
import { ConfirmHoldHandler } from '../../application/booking/confirm-hold.handler';
import { HoldSlotHandler, type HoldSlotInput } from '../../application/booking/hold-slot.handler';
import { FindFreeSlotsQuery, type FreeSlotSearchInput } from '../../application/slots/find-free-slots.query';
import type { Appointment } from '../../application/ports/appointment.repository';

interface CallerRequest {
  callerService?: string;
}

const actor = (request: CallerRequest): Actor => ({ kind: 'service', service: request.callerService ?? 'unknown' });

const summary = (a: Appointment) => ({
  id: a.id,
  status: a.status,
  practitionerId: a.practitionerId,
  siteId: a.siteId,
  motifId: a.motifId,
  startsAt: a.startsAt.toISOString(),
  endsAt: a.endsAt.toISOString(),
  holdExpiresAt: a.holdExpiresAt?.toISOString() ?? null,
});

/** What the virtual secretary asks on the phone: next free slots, hold one, confirm it, cancel. */
@InternalApiController('agenda', { callers: ['call-routing'] })
export class AgendaInternalController {
  constructor(
    private readonly slots: FindFreeSlotsQuery,
    private readonly holder: HoldSlotHandler,
    private readonly confirmer: ConfirmHoldHandler,
    private readonly canceller: CancelAppointmentHandler,
  ) {}

  @Post('free-slots')
  @HttpCode(200)
  async freeSlots(@Body() body: FreeSlotSearchInput) {
    return { slots: await this.slots.execute({ audience: 'virtual_secretary', ...body }, () => undefined) };
  }

  @Post('holds')
  async holdSlot(@Req() request: CallerRequest, @Body() body: HoldSlotInput) {
    return summary(await this.holder.execute(actor(request), body));
  }

  @Post('holds/:holdId/confirm')
  @HttpCode(200)
  async confirmHold(
    @Req() request: CallerRequest,
    @Param('holdId') holdId: string,
    @Body() body: { patientId?: string | null },
  ) {
    return summary(await this.confirmer.execute(actor(request), { holdId, patientId: body?.patientId }));
  }

  @Post('appointments/:appointmentId/cancel')
  @HttpCode(200)
  async cancel(
    @Req() request: CallerRequest,
    @Param('appointmentId') appointmentId: string,
    @Body() body: Omit<CancelAppointmentInput, 'appointmentId'>,
  ) {
    return summary(await this.canceller.execute(actor(request), { ...body, appointmentId }));
  }
}
