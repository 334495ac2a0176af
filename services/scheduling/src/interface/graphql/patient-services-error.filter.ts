import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DirectoryUnavailableError } from '../../application/ports/directory-unavailable.error';

/** A staff operation that needs the directory while it is down says so, instead of a masked internal error. */
@Catch(DirectoryUnavailableError)
export class PatientServicesErrorFilter implements GqlExceptionFilter {
  catch(error: DirectoryUnavailableError): GraphQLError {
    return new GraphQLError(error.message, {
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SCHEDULING.DIRECTORY_UNAVAILABLE' },
    });
  }
}
