import type { TFunction } from 'i18next';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** The platform's refusal code and reason of the first GraphQL error (`CONFLICT`, `SCHEDULING.SLOT_TAKEN`). */
export function refusalOf(error: unknown): { code?: string; reason?: string } {
  if (!CombinedGraphQLErrors.is(error)) return {};
  const [first] = error.errors;
  const extensions = first?.extensions ?? {};
  return {
    code: typeof extensions.code === 'string' ? extensions.code : undefined,
    reason: typeof extensions.reason === 'string' ? extensions.reason : undefined,
  };
}

/** The input field the platform names in its refusal (`input.endTime`), if it names one. */
export function fieldOf(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const field = error.errors[0]?.extensions?.field;
  return typeof field === 'string' ? field : undefined;
}

/** A short French explanation of a failed request, for an error message. */
export function describeError(error: unknown, t: TFunction): string {
  if (CombinedGraphQLErrors.is(error)) {
    const [first] = error.errors;
    if (first?.extensions?.code === 'UNAVAILABLE') return t('errors.unavailable');
    return first?.message ?? t('errors.network');
  }
  if (ServerError.is(error)) return `HTTP ${error.statusCode}`;
  return t('errors.network');
}
