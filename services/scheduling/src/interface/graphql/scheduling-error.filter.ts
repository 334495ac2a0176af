import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { SchedulingError, SchedulingErrorCode } from '../../domain/scheduling-error';

export function graphQLCode(code: SchedulingErrorCode): string {
  switch (code) {
    case SchedulingErrorCode.InvalidInput:
      return 'BAD_USER_INPUT';
    case SchedulingErrorCode.NotFound:
      return 'NOT_FOUND';
    case SchedulingErrorCode.SlotTaken:
    case SchedulingErrorCode.HoldLapsed:
    case SchedulingErrorCode.InvalidTransition:
      return 'CONFLICT';
  }
}

/** Domain refusals become GraphQL errors with a generic code, scheduling's own code (`reason`) and the field at fault. */
@Catch(SchedulingError)
export class SchedulingErrorFilter implements GqlExceptionFilter {
  catch(error: SchedulingError): GraphQLError {
    return new GraphQLError(error.message, {
      extensions: { code: graphQLCode(error.code), reason: error.code, ...(error.field ? { field: error.field } : {}) },
    });
  }
}
