import { schedulingInput } from '../domain/scheduling-error';

// The platform's checks (libs/errors), raising scheduling's invalid-input code; call sites name the field.
export const assertUuid = (value: string, field: string): string => schedulingInput.uuid(value, field);
export const assertUuids = (values: readonly string[], field: string): string[] => schedulingInput.uuids(values, field);
/** An ISO-8601 instant with its offset, between 1900 and 2199: a bare local time would be ambiguous. */
export const parseInstant = (value: string, field: string): Date => schedulingInput.instant(value, field);
