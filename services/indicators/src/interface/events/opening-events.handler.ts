import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { OpeningProjection } from '../../application/projections/opening-projection';

/** Opening ranges and absences: the opening amplitude and the SNP capacity. */
@Injectable()
export class OpeningEventsHandler {
  constructor(private readonly projection: OpeningProjection) {}

  @HandleEvent('scheduling.opening-ranges.changed.v1')
  onOpeningRangesChanged(event: EventEnvelope<'scheduling.opening-ranges.changed.v1'>): Promise<void> {
    return this.projection.rangeChanged(event.data);
  }

  @HandleEvent('scheduling.absence.declared.v1')
  onAbsenceDeclared(event: EventEnvelope<'scheduling.absence.declared.v1'>): Promise<void> {
    return this.projection.absenceDeclared(event.data);
  }

  @HandleEvent('scheduling.absence.ended.v1')
  onAbsenceEnded(event: EventEnvelope<'scheduling.absence.ended.v1'>): Promise<void> {
    return this.projection.absenceEnded(event.data);
  }
}
