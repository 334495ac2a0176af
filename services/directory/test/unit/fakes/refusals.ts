import { DomainError } from '@msp/errors';
import { DirectoryErrorCode } from '../../../src/domain/directory-error';

/** Awaits a refusal of bad input and checks it names the field at fault. */
export async function expectInvalid(work: Promise<unknown>, field: string, reason?: RegExp): Promise<void> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ kind: 'invalid', code: DirectoryErrorCode.InvalidInput, field });
  if (reason) expect((error as Error).message).toMatch(reason);
}

/** Awaits a refusal because the object addressed does not exist (for this caller). */
export async function expectNotFound(work: Promise<unknown>): Promise<void> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ kind: 'not_found', code: DirectoryErrorCode.NotFound });
}
