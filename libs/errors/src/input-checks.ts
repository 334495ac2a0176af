import { e164Of } from './phone-number';
import { IANAZone } from 'luxon';
import { invalidInput } from './domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const IANA_NAME = /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/;

/** Instants outside these years are typing mistakes or probes; PostgreSQL would fail on some of them. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2199;

/** Longest text one argument may carry: more is a mistake or an attack, and would not fit a PostgreSQL index row. */
export const MAX_TEXT_LENGTH = 2_000;

/**
 * Why a piece of text cannot be stored, or undefined when it can. PostgreSQL rejects U+0000 in text, so a NUL byte is
 * refused at the boundary with the field's name instead of failing in the database.
 */
export function textProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain a NUL character (U+0000)';
  if (value.length > MAX_TEXT_LENGTH) return `must be at most ${MAX_TEXT_LENGTH} characters`;
  return undefined;
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The checks every service applies to raw input, raising its own invalid-input code with the field at fault. */
export interface InputChecks {
  /** An id (UUID), lower-cased. */
  uuid(value: unknown, field: string): string;
  uuids(values: unknown, field: string): string[];
  /** Text that PostgreSQL can store (no NUL byte, bounded length). */
  text(value: unknown, field: string): string;
  /** An ISO-8601 instant with its offset ("2026-03-30T09:00:00+02:00" or "…Z"), between 1900 and 2199. */
  instant(value: unknown, field: string): Date;
  /** An IANA zone name (Europe/Paris, Indian/Reunion, America/Cayenne…), never a fixed offset that ignores DST. */
  timeZone(value: unknown, field: string): string;
  /** A phone number, French national forms included (overseas prefixes read as their department), as E.164. */
  phone(value: unknown, field: string): string;
}

export function inputChecks(invalidCode: string): InputChecks {
  const refuse = (field: string, reason: string) => invalidInput(invalidCode, field, reason);
  const shown = (value: unknown) => (typeof value === 'string' ? `"${value.slice(0, 64)}"` : String(value));
  const checks: InputChecks = {
    uuid(value, field) {
      if (!isUuid(value)) throw refuse(field, `${shown(value)} is not an id (UUID)`);
      return value.toLowerCase();
    },
    uuids(values, field) {
      if (!Array.isArray(values)) throw refuse(field, 'must be a list of ids');
      return values.map((value, i) => checks.uuid(value, `${field}[${i}]`));
    },
    text(value, field) {
      if (typeof value !== 'string') throw refuse(field, 'must be text');
      const problem = textProblem(value);
      if (problem) throw refuse(field, problem);
      return value;
    },
    instant(value, field) {
      const instant = typeof value === 'string' && INSTANT.test(value) ? new Date(value) : undefined;
      if (!instant || Number.isNaN(instant.getTime()) || !isRealDate(value as string))
        throw refuse(
          field,
          `${shown(value)} is not an ISO-8601 instant with an offset, such as 2026-03-30T09:00:00+02:00`,
        );
      const year = instant.getUTCFullYear();
      if (year < EARLIEST_YEAR || year > LATEST_YEAR)
        throw refuse(
          field,
          `${shown(value)} is out of range: give an instant between ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
        );
      return instant;
    },
    timeZone(value, field) {
      if (typeof value !== 'string' || !IANA_NAME.test(value) || !IANAZone.isValidZone(value))
        throw refuse(field, `${shown(value)} is not an IANA time zone such as Europe/Paris`);
      return value;
    },
    phone(value, field) {
      const number = typeof value === 'string' ? e164Of(value) : undefined;
      if (!number) throw refuse(field, `${shown(value)} is not a valid phone number`);
      return number;
    },
  };
  return checks;
}

/** `new Date('2026-02-30T…')` rolls over to March: the written date must be a real one. */
function isRealDate(written: string): boolean {
  const [year, month, day] = written.slice(0, 10).split('-').map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}
