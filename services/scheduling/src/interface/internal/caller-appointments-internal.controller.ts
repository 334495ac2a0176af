import { Body, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { InternalApiController } from '@msp/messaging';
import type { Actor } from '../../application/actor';
import { CallerAppointmentsQuery } from '../../application/booking/caller-appointments.query';
import { RescheduleAppointmentHandler } from '../../application/rescheduling/reschedule-appointment.handler';
import { SchedulingError } from '../../domain/scheduling-error';

interface CallerRequest {
  callerService?: string;
}

interface MoveBody {
  /** The caller the directory identified: the appointment must be theirs. */
  patientId?: string;
  startsAt: string;
  practitionerId?: string | null;
  siteId?: string | null;
}

const actor = (request: CallerRequest): Actor => ({ kind: 'service', service: request.callerService ?? 'unknown' });

/**
 * A caller's own appointments, for the virtual secretary on the phone: list the coming ones, move one (same rules,
 * lock and `appointment.rescheduled` event as staff moving it; cancelling is `POST appointments/:id/cancel`).
 */
@InternalApiController('agenda', { callers: ['call-routing'] })
export class CallerAppointmentsInternalController {
  constructor(
    private readonly appointments: CallerAppointmentsQuery,
    private readonly rescheduler: RescheduleAppointmentHandler,
  ) {}

  @Get('patients/:patientId/appointments')
  async upcoming(@Param('patientId') patientId: string, @Query('structureId') structureId: string) {
    const appointments = await this.appointments.upcoming(structureId, patientId);
    return {
      appointments: appointments.map((a) => ({
        id: a.id,
        status: a.status,
        practitionerId: a.practitionerId,
        siteId: a.siteId,
        motifId: a.motifId,
        motifLabel: a.motifLabel,
        startsAt: a.start.toISOString(),
        endsAt: a.end.toISOString(),
      })),
    };
  }

  @Post('appointments/:appointmentId/move')
  @HttpCode(200)
  async move(@Req() request: CallerRequest, @Param('appointmentId') appointmentId: string, @Body() body: MoveBody) {
    if (!body?.patientId) throw SchedulingError.invalid('patientId', 'is required: the caller whose appointment it is');
    const moved = await this.rescheduler.execute(actor(request), {
      appointmentId,
      startsAt: body.startsAt,
      practitionerId: body.practitionerId,
      siteId: body.siteId,
      onBehalfOfPatientId: body.patientId,
    });
    return {
      id: moved.id,
      status: moved.status,
      practitionerId: moved.practitionerId,
      siteId: moved.siteId,
      startsAt: moved.startsAt.toISOString(),
      endsAt: moved.endsAt.toISOString(),
    };
  }
}
