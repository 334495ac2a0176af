import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { AgendaRefusals } from '../../application/meetings/agenda-refusals';

/** Scheduling's answers about meeting blocks (applied once, via the inbox). */
@Injectable()
export class SchedulingEventsHandler {
  constructor(private readonly refusals: AgendaRefusals) {}

  @HandleEvent('scheduling.meeting-block.refused.v1')
  onBlockRefused(event: EventEnvelope<'scheduling.meeting-block.refused.v1'>): Promise<void> {
    return this.refusals.refused(event.data);
  }
}
