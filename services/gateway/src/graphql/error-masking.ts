// The ESM typings, as @nestjs/apollo (an ES module) expects them.
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import type { LoggerService } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { CLIENT_EXTENSIONS, isClientFacingCode } from './client-error-codes';
import type { GatewayContext } from './gateway-context';

type Log = Pick<LoggerService, 'error'>;

/**
 * What leaves the gateway when something fails: errors meant for the caller keep their message, code, reason and field;
 * anything else becomes "Internal error (reference <correlation id>)" while the full error, stack included, is logged
 * under that reference. Stack traces and internal messages never reach a client.
 */
export class ErrorMasking {
  // Apollo formats errors without the request at hand: each error is tagged with its request's correlation id first.
  private readonly references = new WeakMap<object, string>();

  constructor(private readonly log: Log) {}

  /** Tags an error raised outside the operation's plugins (context creation) with its correlation id. */
  remember(error: unknown, correlationId: string | undefined): void {
    if (correlationId && typeof error === 'object' && error !== null) this.references.set(error, correlationId);
  }

  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async ({ contextValue }) => ({
        didEncounterErrors: async ({ errors }) =>
          errors.forEach((error) => this.remember(error, contextValue.correlationId)),
      }),
    };
  }

  readonly formatError = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const extensions = formatted.extensions ?? {};
    if (isClientFacingCode(extensions.code)) {
      const kept = Object.fromEntries(
        CLIENT_EXTENSIONS.filter((k) => extensions[k] !== undefined).map((k) => [k, extensions[k]]),
      );
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: kept };
    }
    const reference = this.referenceOf(error) ?? randomUUID();
    this.log.error({
      msg: 'internal error masked',
      reference,
      message: formatted.message,
      path: formatted.path,
      extensions,
      stack: stackOf(error),
    });
    return {
      message: `Internal error (reference ${reference})`,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: reference },
    };
  };

  private referenceOf(error: unknown): string | undefined {
    if (typeof error !== 'object' || error === null) return undefined;
    const original = (error as { originalError?: unknown }).originalError;
    return (
      this.references.get(error) ??
      (typeof original === 'object' && original ? this.references.get(original) : undefined)
    );
  }
}

function stackOf(error: unknown): string | undefined {
  const original = (error as { originalError?: { stack?: unknown } } | undefined)?.originalError;
  if (typeof original?.stack === 'string') return original.stack;
  return error instanceof Error ? error.stack : undefined;
}
