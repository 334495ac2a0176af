// The ESM typings, as @nestjs/apollo (an ES module) expects them.
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import type { LoggerService } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { type GatewayContext, safeOperationName } from './gateway-context';

/** One line per GraphQL operation. The correlation id comes from the request's logger. */
export interface OperationRecord {
  operationName: string | null;
  operationType?: string;
  durationMs: number;
  memberId?: string;
  errorCodes: string[];
  /** Why authentication failed, when it did. */
  authFailure?: string;
}

type Log = Pick<LoggerService, 'log'>;

/**
 * Logs what was asked, by whom, how long it took and how it failed, and nothing of what was asked about: never the
 * query text (its literal arguments may name a patient), never variables, never response data.
 */
export class OperationLog {
  constructor(private readonly log: Log) {}

  record(record: OperationRecord): void {
    this.log.log({ msg: 'graphql operation', ...record }, 'GraphQL');
  }

  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async ({ contextValue }) => {
        const startedAt = performance.now();
        return {
          willSendResponse: async ({ operationName, operation, errors, request }) =>
            this.record({
              operationName: operationName ?? safeOperationName(request.operationName),
              operationType: operation?.operation,
              durationMs: elapsedSince(startedAt),
              memberId: contextValue.user?.memberId,
              errorCodes: codesOf(errors ?? []),
            }),
        };
      },
    };
  }
}

export function elapsedSince(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 10) / 10;
}

export function codesOf(errors: readonly unknown[]): string[] {
  const codes = errors.map((error) => {
    const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
    return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
  });
  return [...new Set(codes)];
}
