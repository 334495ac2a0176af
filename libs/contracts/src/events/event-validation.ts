import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_REGISTRY, type EventPayloads, type EventType, isEventType } from './event-registry';

export interface EventViolation {
  /** JSON pointer to the offending field, `/` for the payload itself. */
  field: string;
  reason: string;
}

export class EventValidationError extends Error {
  constructor(
    readonly eventType: string,
    readonly violations: EventViolation[],
  ) {
    super(`Invalid ${eventType} payload: ${violations.map((v) => `${v.field} ${v.reason}`).join('; ')}`);
    this.name = 'EventValidationError';
  }
}

/**
 * Two readings of one schema (ADR 0010). Producers are strict: a field the schema does not declare is refused, so no
 * producer puts on the wire what the contract does not say. Consumers are tolerant readers: a field added to a type
 * within its version by a newer producer (a rolling deploy) is dropped before the handler sees it; a missing required
 * field or a wrong type is refused all the same.
 */
const strict = new Ajv({ allErrors: true, strict: true });
const tolerant = new Ajv({ allErrors: true, strict: true, removeAdditional: true });
addFormats(strict);
addFormats(tolerant);
const compiledStrict = new Map<EventType, ValidateFunction>();
const compiledTolerant = new Map<EventType, ValidateFunction>();

function validatorFor(type: EventType, reading: 'strict' | 'tolerant'): ValidateFunction {
  const [ajv, compiled] = reading === 'strict' ? [strict, compiledStrict] : [tolerant, compiledTolerant];
  let validate = compiled.get(type);
  if (!validate) {
    validate = ajv.compile(EVENT_REGISTRY[type].schema);
    compiled.set(type, validate);
  }
  return validate;
}

function toViolation(error: ErrorObject): EventViolation {
  const field =
    error.keyword === 'required' ? `${error.instancePath}/${String(error.params.missingProperty)}` : error.instancePath;
  const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
  return { field: field || '/', reason: `${error.message ?? error.keyword}${extra}` };
}

/**
 * The producer's check: the payload matches its type's JSON Schema exactly, undeclared fields included; throws
 * EventValidationError naming each bad field.
 */
export function validateEventPayload<K extends EventType>(type: K, data: unknown): asserts data is EventPayloads[K];
export function validateEventPayload(type: string, data: unknown): void;
export function validateEventPayload(type: string, data: unknown): void {
  check(type, data, 'strict');
}

/**
 * The consumer's check: fields the schema does not declare are removed from `data` (in place) and ignored; a missing
 * required field, a wrong type or a bad format throws EventValidationError naming each bad field.
 */
export function readEventPayload<K extends EventType>(type: K, data: unknown): asserts data is EventPayloads[K];
export function readEventPayload(type: string, data: unknown): void;
export function readEventPayload(type: string, data: unknown): void {
  check(type, data, 'tolerant');
}

function check(type: string, data: unknown, reading: 'strict' | 'tolerant'): void {
  if (!isEventType(type))
    throw new EventValidationError(type, [{ field: 'type', reason: 'is not a registered event type' }]);
  const validate = validatorFor(type, reading);
  if (!validate(data)) throw new EventValidationError(type, (validate.errors ?? []).map(toViolation));
}
