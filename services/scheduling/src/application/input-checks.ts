import { SchedulingError } from '../domain/scheduling-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function assertUuid(value: string, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value))
    throw SchedulingError.invalid(field, `"${value}" is not an id (UUID)`);
  return value.toLowerCase();
}

export function assertUuids(values: readonly string[], field: string): string[] {
  if (!Array.isArray(values)) throw SchedulingError.invalid(field, 'must be a list of ids');
  return values.map((value, i) => assertUuid(value, `${field}[${i}]`));
}

/** An ISO-8601 instant with its offset ("2026-03-30T09:00:00+02:00" or "…Z"): a bare local time would be ambiguous. */
export function parseInstant(value: string, field: string): Date {
  const instant = new Date(value);
  if (typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(instant.getTime())) {
    throw SchedulingError.invalid(
      field,
      `"${value}" is not an ISO-8601 instant with an offset, such as 2026-03-30T09:00:00+02:00`,
    );
  }
  return instant;
}
