import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { TaskSources } from '../../application/task-sources/task-sources';

/** Facts of the virtual secretary and of coordination meetings that become tasks: one task each. */
@Injectable()
export class TaskSourceEventsHandler {
  constructor(private readonly sources: TaskSources) {}

  @HandleEvent('call-routing.message.taken.v1')
  async onMessageTaken(event: EventEnvelope<'call-routing.message.taken.v1'>): Promise<void> {
    await this.sources.messageTaken(event.data);
  }

  @HandleEvent('coordination.action-item.created.v1')
  async onActionItemCreated(event: EventEnvelope<'coordination.action-item.created.v1'>): Promise<void> {
    await this.sources.actionItemCreated(event.data);
  }
}
