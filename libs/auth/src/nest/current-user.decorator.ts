import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AuthenticationError } from '../auth.errors';
import type { UserContext } from '../user-context';
import { requestOf } from './request-of';

/** The verified caller of the current GraphQL operation or request. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): UserContext => {
  const user = requestOf(context)?.user;
  if (!user) throw new AuthenticationError('MISSING_TOKEN');
  return user;
});
