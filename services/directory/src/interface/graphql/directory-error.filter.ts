import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DirectoryError, DirectoryErrorCode } from '../../domain/directory-error';

function graphQLCode(code: DirectoryErrorCode): string {
  switch (code) {
    case DirectoryErrorCode.InvalidInput:
      return 'BAD_USER_INPUT';
    case DirectoryErrorCode.NotFound:
      return 'NOT_FOUND';
    case DirectoryErrorCode.DuplicateRpps:
    case DirectoryErrorCode.DuplicateEmail:
    case DirectoryErrorCode.AlreadyMember:
      return 'CONFLICT';
  }
}

/** Domain refusals become GraphQL errors with a generic code, the directory's own code and the field at fault. */
@Catch(DirectoryError)
export class DirectoryErrorFilter implements GqlExceptionFilter {
  catch(error: DirectoryError): GraphQLError {
    return new GraphQLError(error.message, {
      extensions: { code: graphQLCode(error.code), reason: error.code, ...(error.field ? { field: error.field } : {}) },
    });
  }
}
