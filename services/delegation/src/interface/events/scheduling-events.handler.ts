import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { TeamProjection } from '../../application/projections/team-projection';
import { TaskSources } from '../../application/task-sources/task-sources';

/** Scheduling's absences (who is away, for escalations) and completed appointments with an exam to chase. */
@Injectable()
export class SchedulingEventsHandler {
  constructor(
    private readonly projection: TeamProjection,
    private readonly sources: TaskSources,
  ) {}

  @HandleEvent('scheduling.absence.declared.v1')
  onAbsenceDeclared(event: EventEnvelope<'scheduling.absence.declared.v1'>): Promise<void> {
    return this.projection.absenceDeclared(event.data);
  }

  @HandleEvent('scheduling.absence.ended.v1')
  onAbsenceEnded(event: EventEnvelope<'scheduling.absence.ended.v1'>): Promise<void> {
    return this.projection.absenceEnded(event.data);
  }

  @HandleEvent('scheduling.appointment.completed.v1')
  async onAppointmentCompleted(event: EventEnvelope<'scheduling.appointment.completed.v1'>): Promise<void> {
    await this.sources.appointmentCompleted(event.data);
  }
}
