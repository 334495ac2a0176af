import { type INestApplication, Logger } from '@nestjs/common';
import { startEventConsumer } from '@msp/messaging';
import { createObservableApp } from '@msp/observability';
import { AppModule } from './app.module';
import type { SchedulingConfig } from './config/scheduling.config';

/** Creates and starts the scheduling service; `main.ts` and the tests share this path. */
export async function startScheduling(config: SchedulingConfig): Promise<INestApplication> {
  const app = await createObservableApp(AppModule.forRoot(config), { abortOnError: false });
  app.enableShutdownHooks();
  await startEventConsumer(app);
  await app.listen(config.port, config.host);
  const logger = new Logger('Scheduling');
  logger.log({ msg: 'configuration', config: config.toJSON() });
  logger.log(`Scheduling subgraph listening on ${await app.getUrl()}/graphql`);
  return app;
}
