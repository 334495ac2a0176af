import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { ActivityProjection } from '../../application/projections/activity-projection';

/** Each call's reception, routing decision (was its practitioner in consultation, was it put through), message, end. */
@Injectable()
export class CallRoutingEventsHandler {
  constructor(private readonly projection: ActivityProjection) {}

  @HandleEvent('call-routing.call.received.v1')
  onReceived(event: EventEnvelope<'call-routing.call.received.v1'>): Promise<void> {
    return this.projection.callReceived(event.data);
  }

  @HandleEvent('call-routing.call.routed.v1')
  onRouted(event: EventEnvelope<'call-routing.call.routed.v1'>): Promise<void> {
    return this.projection.callRouted(event.data);
  }

  @HandleEvent('call-routing.message.taken.v1')
  onMessageTaken(event: EventEnvelope<'call-routing.message.taken.v1'>): Promise<void> {
    return this.projection.messageTaken(event.data);
  }

  @HandleEvent('call-routing.call.ended.v1')
  onEnded(event: EventEnvelope<'call-routing.call.ended.v1'>): Promise<void> {
    return this.projection.callEnded(event.data);
  }
}
