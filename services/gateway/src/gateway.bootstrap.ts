import { createObservableApp } from '@msp/observability';
import { INestApplication, Logger } from '@nestjs/common';
import { AppModule, GatewayRuntimeOptions } from './app.module';
import { GatewayConfig } from './config/gateway.config';
import { GRAPHQL_PATH } from './graphql/graphql.factory';

/** Creates, configures and starts the gateway; `main.ts` and the tests share this path. */
export async function startGateway(
  config: GatewayConfig,
  runtime: GatewayRuntimeOptions = {},
): Promise<INestApplication> {
  // abortOnError: false so a failed boot rejects here (tests, main's own handler) instead of Nest exiting the process;
  // rawBody: the public routes forward the bytes a client sent, which webhook signatures cover, not a re-serialisation.
  const app = await createObservableApp(AppModule.forRoot(config, runtime), { abortOnError: false, rawBody: true });
  // The front door need not advertise its framework.
  const express: { disable(setting: string): void } = app.getHttpAdapter().getInstance();
  express.disable('x-powered-by');
  if (config.corsOrigins.length > 0) app.enableCors({ origin: [...config.corsOrigins], credentials: true });
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const logger = new Logger('Gateway');
  logger.log({ msg: 'configuration', config: config.toJSON() });
  logger.log(`Gateway listening on ${await app.getUrl()}${GRAPHQL_PATH}`);
  return app;
}
