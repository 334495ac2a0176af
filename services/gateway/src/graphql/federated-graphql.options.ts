import { type BearerTokenVerifierOptions, IssuerVerifiers } from '@msp/auth';
import { InternalHttpClient } from '@msp/messaging';
import { correlationIdOf } from '@msp/observability';
import type { ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { GqlOptionsFactory } from '@nestjs/graphql';
import { Logger } from 'nestjs-pino';
import { performance } from 'node:perf_hooks';
import { DirectoryMemberChanges } from '../auth/directory-member-changes';
import { DirectoryMemberContexts } from '../auth/directory-member-contexts';
import { ExternalIdentities } from '../auth/external-identities';
import { RequestAuthenticator } from '../auth/request-authenticator';
import { UserContextSigner } from '../auth/user-context-signer';
import { FrontDoorAuth, GatewayConfig } from '../config/gateway.config';
import { ErrorMasking } from './error-masking';
import { ForwardingDataSource } from './forwarding-data-source';
import { ContextArgs, GatewayContext, requestedOperationName } from './gateway-context';
import { GRAPHQL_PATH } from './graphql-path';
import { codesOf, elapsedSince, OperationLog } from './operation-log';
import { queryLimitOptions } from './query-limits';
import { subgraphUrl, supergraphSource } from './supergraph-source';

/** Apollo Gateway in front of the subgraphs: every operation authenticated, limited, logged and its errors masked. */
@Injectable()
export class FederatedGraphqlOptions implements GqlOptionsFactory<ApolloGatewayDriverConfig>, OnApplicationShutdown {
  private memberChanges?: DirectoryMemberChanges;

  constructor(
    private readonly config: GatewayConfig,
    private readonly logger: Logger,
  ) {}

  createGqlOptions(): ApolloGatewayDriverConfig {
    const auth = this.config.auth;
    if (!auth) throw new Error('the federated gateway needs its authentication settings');
    const masking = new ErrorMasking(this.logger);
    const operations = new OperationLog(this.logger);
    const limits = queryLimitOptions(this.config.limits);
    const userContexts = new UserContextSigner(auth.userContextPrivateKey);
    return {
      server: {
        path: GRAPHQL_PATH,
        context: this.authenticatedContext(auth, masking, operations),
        ...limits,
        plugins: [...limits.plugins, masking.plugin(), operations.plugin()],
        formatError: masking.formatError,
      },
      gateway: {
        supergraphSdl: supergraphSource(this.config),
        buildService: ({ name, url }) =>
          new ForwardingDataSource(
            {
              name,
              url: subgraphUrl(this.config, name, url),
              timeoutMs: this.config.degradation.subgraphTimeoutMs,
            },
            userContexts,
          ),
      },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.memberChanges?.stop();
  }

  /**
   * Members' contexts from the directory; with the directory's member events heard (KAFKA_BROKERS), a member's last
   * verified context outlives a directory outage for a bounded time, and every change to the member ends it at once.
   */
  private memberContexts(directory: InternalHttpClient): DirectoryMemberContexts {
    const { memberContextTtlMs, memberContextMaxStaleMs } = this.config.degradation;
    const listens = this.config.kafkaBrokers.length > 0 && memberContextMaxStaleMs > 0;
    const contexts: DirectoryMemberContexts = new DirectoryMemberContexts(directory, this.logger, {
      ttlMs: memberContextTtlMs,
      maxStaleMs: listens ? memberContextMaxStaleMs : 0,
      changesHeard: () => this.memberChanges?.heard() ?? false,
    });
    if (listens) {
      this.memberChanges = new DirectoryMemberChanges(
        { brokers: [...this.config.kafkaBrokers] },
        (memberId) => contexts.forget(memberId),
        this.logger,
      );
      this.memberChanges.start();
    }
    return contexts;
  }

  private authenticatedContext(auth: FrontDoorAuth, masking: ErrorMasking, operations: OperationLog) {
    const directory = new InternalHttpClient({
      caller: 'gateway',
      target: 'directory',
      baseUrl: auth.directoryInternalUrl,
      privateKey: auth.servicePrivateKey.reveal(),
    });
    const issuers: BearerTokenVerifierOptions[] = auth.externalIssuers.map((i) => ({
      issuer: i.issuer,
      audience: i.audience,
      jwksUri: i.jwksUri,
      jwksCooldownMs: i.jwksCooldownMs,
    }));
    if (auth.jwksUri) issuers.unshift({ issuer: auth.issuer, audience: auth.audience, jwksUri: auth.jwksUri });
    const authenticator = new RequestAuthenticator(
      new IssuerVerifiers(issuers),
      this.memberContexts(directory),
      this.logger,
      new ExternalIdentities(auth.externalIssuers, directory, this.logger, {
        ttlMs: this.config.degradation.memberContextTtlMs,
      }),
    );
    return async ({ req }: ContextArgs): Promise<GatewayContext> => {
      const startedAt = performance.now();
      const correlationId = correlationIdOf(req);
      try {
        const user = await authenticator.authenticate(req.headers.authorization, correlationId);
        return { correlationId, user };
      } catch (error) {
        // Apollo runs no plugin for a request whose context failed: its log line and error reference are made here.
        masking.remember(error, correlationId);
        const reason = (error as { extensions?: { reason?: unknown } }).extensions?.reason;
        operations.record({
          operationName: requestedOperationName(req),
          durationMs: elapsedSince(startedAt),
          errorCodes: codesOf([error]),
          authFailure: typeof reason === 'string' ? reason : undefined,
        });
        throw error;
      }
    };
  }
}
