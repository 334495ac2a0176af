import type { JSONSchemaType } from 'ajv';
import type { Topic } from '../topics/topics';

/**
 * One event type: its name (`<service>.<aggregate>.<fact>.v<major>`), the topic it travels on, a JSON Schema that
 * producers and consumers both validate against, and an example that must satisfy that schema.
 * Payloads carry opaque ids only: never a patient's name, phone number, e-mail or free-text medical content.
 */
export interface EventDefinition<T> {
  readonly type: string;
  readonly topic: Topic;
  readonly description: string;
  /** The aggregate the event is about; it is the Kafka key, so one aggregate's events stay in order. */
  readonly aggregateId: (data: T) => string;
  readonly schema: JSONSchemaType<T>;
  readonly example: T;
}

export function defineEvent<T>(definition: EventDefinition<T>): EventDefinition<T> {
  return definition;
}

/** Reusable schema fragments. */
export const uuidSchema = { type: 'string', format: 'uuid' } as const;
export const instantSchema = { type: 'string', format: 'date-time' } as const;
/** An optional id: absent or null both mean "none". */
export const nullableUuidSchema = { type: 'string', format: 'uuid', nullable: true } as const;
/**
 * A required id that may be null (`siteId: string | null`). ajv's JSONSchemaType types `nullable` on optional
 * properties only, so this fragment is typed as `uuidSchema`; at run time ajv honours `nullable: true` on a required one.
 */
export const requiredNullableUuidSchema = nullableUuidSchema as unknown as typeof uuidSchema;
