import { Controller, type Type } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { InboxProcessor } from './inbox-processor';

/** Builds the Nest controller that subscribes to `topics` and hands every record to the inbox. */
export function createEventsController(topics: string[]): Type {
  @Controller()
  class KafkaEventsController {
    constructor(private readonly inbox: InboxProcessor) {}

    @EventPattern(topics)
    async onRecord(@Ctx() context: KafkaContext): Promise<void> {
      const message = context.getMessage();
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.headers ?? {}))
        if (value !== undefined) headers[name] = String(value);
      await this.inbox.process(
        {
          topic: context.getTopic(),
          partition: context.getPartition(),
          offset: message.offset,
          key: message.key === null || message.key === undefined ? null : String(message.key),
          headers,
          value: Buffer.isBuffer(message.value)
            ? message.value
            : message.value === null
              ? null
              : Buffer.from(String(message.value)),
        },
        context.getHeartbeat(),
      );
    }
  }
  return KafkaEventsController;
}
