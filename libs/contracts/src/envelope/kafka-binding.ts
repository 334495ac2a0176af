import type { EventEnvelope } from './event-envelope';
import { isEventType } from '../events/event-registry';

/**
 * CloudEvents Kafka protocol binding, binary content mode: attributes travel as `ce_*` headers, the data as the JSON
 * value, and the subject (aggregate id) as the key.
 */
export interface KafkaRecord {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

const ATTRIBUTES = ['id', 'source', 'type', 'specversion', 'time', 'subject', 'correlationid', 'causationid'] as const;
const REQUIRED = ['id', 'source', 'type', 'specversion'] as const;

export class EnvelopeDecodingError extends Error {
  constructor(reason: string) {
    super(`Not a platform CloudEvent: ${reason}`);
    this.name = 'EnvelopeDecodingError';
  }
}

export function toKafkaRecord(envelope: EventEnvelope): KafkaRecord {
  const headers: Record<string, string> = { 'content-type': envelope.datacontenttype };
  for (const attribute of ATTRIBUTES) {
    const value = envelope[attribute];
    if (value !== undefined) headers[`ce_${attribute}`] = value;
  }
  return { key: envelope.subject, value: Buffer.from(JSON.stringify(envelope.data)), headers };
}

/** A well-formed envelope whose type this build does not know (see isUnknownTypeOfKnownSource). */
export class UnknownEventTypeError extends EnvelopeDecodingError {
  constructor(readonly eventType: string) {
    super(`unknown event type ${eventType}`);
    this.name = 'UnknownEventTypeError';
  }
}

type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

export function headerText(headers: RawHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined ? undefined : value.toString();
}

/** Decodes a consumed record; the payload is parsed but not schema-validated (see validateEventPayload). */
export function fromKafkaRecord(record: { headers?: RawHeaders; value: Buffer | null }): EventEnvelope {
  const attributes: Record<string, string> = {};
  for (const attribute of ATTRIBUTES) {
    const value = headerText(record.headers, `ce_${attribute}`);
    if (value !== undefined) attributes[attribute] = value;
  }
  const missing = REQUIRED.filter((attribute) => !attributes[attribute]);
  if (missing.length) throw new EnvelopeDecodingError(`missing header(s) ${missing.map((a) => `ce_${a}`).join(', ')}`);
  if (attributes.specversion !== '1.0')
    throw new EnvelopeDecodingError(`unsupported specversion ${attributes.specversion}`);
  if (!isEventType(attributes.type)) throw new UnknownEventTypeError(attributes.type);
  if (!record.value) throw new EnvelopeDecodingError('empty value');
  let data: unknown;
  try {
    data = JSON.parse(record.value.toString('utf8'));
  } catch {
    throw new EnvelopeDecodingError('value is not JSON');
  }
  return {
    ...attributes,
    type: attributes.type,
    time: attributes.time ?? '',
    subject: attributes.subject ?? '',
    specversion: '1.0',
    datacontenttype: 'application/json',
    data,
  } as EventEnvelope;
}
