import { type INestApplication, Logger } from '@nestjs/common';
import { startEventConsumer } from '@msp/messaging';
import { createObservableApp } from '@msp/observability';
import { AppModule } from './app.module';
import type { DirectoryConfig } from './config/directory.config';

/** Creates and starts the directory service; `main.ts` and the tests share this path. */
export async function startDirectory(config: DirectoryConfig): Promise<INestApplication> {
  const app = await createObservableApp(AppModule.forRoot(config), { abortOnError: false });
  app.enableShutdownHooks();
  await startEventConsumer(app);
  await app.listen(config.port, config.host);
  const logger = new Logger('Directory');
  logger.log({ msg: 'configuration', config: config.toJSON() });
  logger.log(`Directory subgraph listening on ${await app.getUrl()}/graphql`);
  return app;
}
