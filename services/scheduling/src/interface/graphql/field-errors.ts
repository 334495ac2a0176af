import { SchedulingError } from '../../domain/scheduling-error';
import { SchedulingErrorFilter } from './scheduling-error.filter';

const filter = new SchedulingErrorFilter();

/**
 * Field resolvers of federated entities run without Nest's exception filters: their scheduling refusals are turned
 * into the same GraphQL errors (code, reason, field) here.
 */
export async function withSchedulingErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SchedulingError) throw filter.catch(error);
    throw error;
  }
}
