import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import type { GqlOptionsFactory } from '@nestjs/graphql';
import { Logger } from 'nestjs-pino';
import { GatewayConfig } from '../config/gateway.config';
import { ErrorMasking } from './error-masking';
import { publicContext } from './gateway-context';
import { GRAPHQL_PATH } from './graphql-path';
import { OperationLog } from './operation-log';
import { queryLimitOptions } from './query-limits';

/** The gateway's own small public schema, served while no subgraph is configured; same limits, logs and masking. */
@Injectable()
export class LocalGraphqlOptions implements GqlOptionsFactory<ApolloDriverConfig> {
  constructor(
    private readonly config: GatewayConfig,
    private readonly logger: Logger,
  ) {}

  createGqlOptions(): ApolloDriverConfig {
    const masking = new ErrorMasking(this.logger);
    const operations = new OperationLog(this.logger);
    const limits = queryLimitOptions(this.config.limits);
    return {
      path: GRAPHQL_PATH,
      autoSchemaFile: true,
      sortSchema: true,
      context: publicContext,
      ...limits,
      plugins: [...limits.plugins, masking.plugin(), operations.plugin()],
      formatError: masking.formatError,
    };
  }
}
