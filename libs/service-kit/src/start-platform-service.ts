import { type DynamicModule, type INestApplication, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startEventConsumer } from '@msp/messaging';
import { createObservableApp } from '@msp/observability';

export interface ListeningConfig {
  port: number;
  host: string;
  toJSON(): Record<string, unknown>;
}

/** Creates, starts and announces a platform service; each service's bootstrap and its specs share this path. */
export async function startPlatformService(
  name: string,
  module: DynamicModule,
  config: ListeningConfig,
  /** `jsonBodyLimit`: above Express's 100 kB, for a service that takes files in its requests (indicators' imports). */
  options: { jsonBodyLimit?: string } = {},
): Promise<INestApplication> {
  // Raw bodies kept: webhooks are signed over the exact bytes received (call routing's telephony).
  const app = await createObservableApp(module, { abortOnError: false, rawBody: true });
  if (options.jsonBodyLimit) (app as NestExpressApplication).useBodyParser('json', { limit: options.jsonBodyLimit });
  app.enableShutdownHooks();
  await startEventConsumer(app);
  await app.listen(config.port, config.host);
  const logger = new Logger(name);
  logger.log({ msg: 'configuration', config: config.toJSON() });
  logger.log(`${name} subgraph listening on ${await app.getUrl()}/graphql`);
  return app;
}
