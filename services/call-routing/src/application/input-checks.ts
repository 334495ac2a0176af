import { callRoutingInput } from '../domain/call-routing-error';

// The platform's checks (libs/errors), raising call routing's invalid-input code; call sites name the field.
export const assertUuid = (value: string, field: string): string => callRoutingInput.uuid(value, field);
export const assertUuids = (values: readonly string[], field: string): string[] =>
  callRoutingInput.uuids(values, field);
export const parseInstant = (value: string, field: string): Date => callRoutingInput.instant(value, field);
export const assertText = (value: string, field: string): string => callRoutingInput.text(value, field);
/** E.164; French national forms (overseas prefixes included) accepted. */
export const assertPhoneNumber = (value: string, field: string): string => callRoutingInput.phone(value, field);
