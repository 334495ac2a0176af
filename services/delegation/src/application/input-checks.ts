import { delegationInput } from '../domain/delegation-error';

// The platform's checks (libs/errors), raising delegation's invalid-input code; call sites name the field.
export const assertUuid = (value: string, field: string): string => delegationInput.uuid(value, field);
export const parseInstant = (value: string, field: string): Date => delegationInput.instant(value, field);
export const assertText = (value: string, field: string): string => delegationInput.text(value, field);
