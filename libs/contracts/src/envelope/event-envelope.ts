import { randomUUID } from 'node:crypto';
import type { EventPayloads, EventType } from '../events/event-registry';
import { eventDefinition } from '../events/event-registry';

/** A CloudEvents 1.0 event as the platform carries it; correlation and causation ids are CloudEvents extensions. */
export interface EventEnvelope<K extends EventType = EventType> {
  id: string;
  source: string;
  type: K;
  specversion: '1.0';
  time: string;
  /** The aggregate id; also the Kafka message key. */
  subject: string;
  datacontenttype: 'application/json';
  correlationid?: string;
  causationid?: string;
  data: EventPayloads[K];
}

export interface EnvelopeOptions {
  /** URI-reference of the producer, e.g. `/msp/scheduling`. */
  source: string;
  correlationId?: string;
  causationId?: string;
  id?: string;
  time?: Date;
}

export function createEnvelope<K extends EventType>(
  type: K,
  data: EventPayloads[K],
  options: EnvelopeOptions,
): EventEnvelope<K> {
  return {
    id: options.id ?? randomUUID(),
    source: options.source,
    type,
    specversion: '1.0',
    time: (options.time ?? new Date()).toISOString(),
    subject: eventDefinition(type).aggregateId(data),
    datacontenttype: 'application/json',
    ...(options.correlationId ? { correlationid: options.correlationId } : {}),
    ...(options.causationId ? { causationid: options.causationId } : {}),
    data,
  };
}
