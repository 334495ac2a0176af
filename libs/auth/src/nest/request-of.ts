import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { UserContext } from '../user-context';

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: UserContext;
}

/** The HTTP request behind a GraphQL resolver or a controller. */
export function requestOf(context: ExecutionContext): AuthenticatedRequest | undefined {
  if (context.getType<string>() === 'graphql')
    return GqlExecutionContext.create(context).getContext<{ req?: AuthenticatedRequest }>().req;
  if (context.getType() === 'http') return context.switchToHttp().getRequest<AuthenticatedRequest>();
  return undefined;
}
