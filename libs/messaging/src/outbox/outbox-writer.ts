import { Inject, Injectable } from '@nestjs/common';
import {
  createEnvelope,
  eventDefinition,
  toKafkaRecord,
  validateEventPayload,
  type EventPayloads,
  type EventType,
} from '@msp/contracts';
import { requireActiveManager } from '@msp/persistence';
import { currentMessageContext } from '../message-context';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';

/**
 * Records an event in the service's outbox, inside the caller's transaction: the event is published if and only if the
 * state change commits. The payload is validated against its JSON Schema first, so nothing invalid ever leaves.
 */
@Injectable()
export class OutboxWriter {
  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  async record<K extends EventType>(type: K, data: EventPayloads[K]): Promise<string> {
    const manager = requireActiveManager(`Recording ${type}`);
    validateEventPayload(type, data);
    const context = currentMessageContext();
    const envelope = createEnvelope(type, data, {
      source: `/msp/${this.options.serviceName}`,
      correlationId: context.correlationId,
      causationId: context.causationId,
    });
    const record = toKafkaRecord(envelope);
    await manager.query(
      `insert into outbox_message (event_id, topic, message_key, event_type, headers, payload) values ($1, $2, $3, $4, $5, $6)`,
      [
        envelope.id,
        eventDefinition(type).topic,
        record.key,
        type,
        JSON.stringify(record.headers),
        record.value.toString('utf8'),
      ],
    );
    return envelope.id;
  }
}
