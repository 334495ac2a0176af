import { DirectoryError } from '../../domain/directory-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function checkId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw DirectoryError.invalid(field, 'must be an id (UUID)');
  return value.toLowerCase();
}
