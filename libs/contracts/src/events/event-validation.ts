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

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const compiled = new Map<EventType, ValidateFunction>();

function validatorFor(type: EventType): ValidateFunction {
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

/** Checks a payload against its type's JSON Schema; throws EventValidationError naming each bad field. */
export function validateEventPayload<K extends EventType>(type: K, data: unknown): asserts data is EventPayloads[K];
export function validateEventPayload(type: string, data: unknown): void;
export function validateEventPayload(type: string, data: unknown): void {
  if (!isEventType(type))
    throw new EventValidationError(type, [{ field: 'type', reason: 'is not a registered event type' }]);
  const validate = validatorFor(type);
  if (!validate(data)) throw new EventValidationError(type, (validate.errors ?? []).map(toViolation));
}
