import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError } from 'graphql';
import type { QueryLimits } from '../config/gateway.config';

const MAX_ALIASES = 15;
const MAX_DIRECTIVES = 50;
const MAX_TOKENS = 2_000;

/** Reports a limit as a validation error of the operation; the library's messages say "Syntax Error" for all. */
const refuse: GraphQLArmorRejectCallback = (context, error) =>
  context?.reportError(
    new GraphQLError(`${error.message.replace(/^Syntax Error: /, '')} Simplify the query or split it.`, {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    }),
  );
const rejection = { onReject: [refuse], propagateOnRejection: false };

/**
 * Apollo Server settings that refuse abusive operations before any resolver or subgraph runs: depth, cost, aliases and
 * directives as validation rules (GRAPHQL_VALIDATION_FAILED, HTTP 400), size as a parse limit (GRAPHQL_PARSE_FAILED),
 * no batched requests, and no field suggestions that would map the schema for a stranger.
 */
export function queryLimitOptions(limits: QueryLimits) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...rejection },
    costLimit: { maxCost: limits.maxCost, ...rejection },
    maxAliases: { n: MAX_ALIASES, ...rejection },
    maxDirectives: { n: MAX_DIRECTIVES, ...rejection },
    // Counted by graphql-js's own parser below, so that an oversized document is a parse error rather than a crash.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  // graphql-armor (CommonJS) types its plugins with @apollo/server's CommonJS typings, @nestjs/apollo (ESM) with the
  // ESM ones: the same objects.
  const plugins = armor.plugins as unknown as ApolloServerPlugin[];
  return { ...armor, plugins, parseOptions: { maxTokens: MAX_TOKENS } };
}
