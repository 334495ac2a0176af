import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { ActivityProjection } from '../../application/projections/activity-projection';
import { AciProjection } from '../../application/projections/aci-projection';

/** Delegated tasks completed (their standard minutes) and protocols adopted, revised or retired. */
@Injectable()
export class DelegationEventsHandler {
  constructor(
    private readonly projection: ActivityProjection,
    private readonly aci: AciProjection,
  ) {}

  @HandleEvent('delegation.task.completed.v1')
  onTaskCompleted(event: EventEnvelope<'delegation.task.completed.v1'>): Promise<void> {
    return this.projection.taskCompleted(event.data);
  }

  @HandleEvent('delegation.protocol.adopted.v1')
  onProtocolAdopted(event: EventEnvelope<'delegation.protocol.adopted.v1'>): Promise<void> {
    return this.projection.protocolAdopted(event.data, true, event.data.adoptedAt);
  }

  @HandleEvent('delegation.protocol.revised.v1')
  onProtocolRevised(event: EventEnvelope<'delegation.protocol.revised.v1'>): Promise<void> {
    return this.projection.protocolAdopted(event.data, false, event.data.revisedAt);
  }

  @HandleEvent('delegation.protocol.retired.v1')
  onProtocolRetired(event: EventEnvelope<'delegation.protocol.retired.v1'>): Promise<void> {
    return this.aci.protocolRetired(event.data);
  }
}
