import { coordinationInput } from '../domain/coordination-error';

// The platform's checks (libs/errors), raising coordination's invalid-input code; call sites name the field.
export const assertUuid = (value: string, field: string): string => coordinationInput.uuid(value, field);
export const parseInstant = (value: string, field: string): Date => coordinationInput.instant(value, field);
export const assertText = (value: string, field: string): string => coordinationInput.text(value, field);
