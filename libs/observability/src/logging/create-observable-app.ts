import { DynamicModule, INestApplication, NestApplicationOptions, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

/**
 * Creates a Nest application whose own logs (bootstrap, route mapping, errors) go through the service's pino logger.
 * Logs written before the logger exists are buffered and flushed into it, so even they come out as JSON.
 */
export async function createObservableApp(
  rootModule: Type | DynamicModule,
  options: NestApplicationOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(rootModule, { ...options, bufferLogs: true });
  return useObservabilityLogger(app);
}

/** For applications created another way (`Test.createTestingModule(...).createNestApplication({ bufferLogs: true })`). */
export function useObservabilityLogger<T extends INestApplication>(app: T): T {
  app.useLogger(app.get(Logger));
  return app;
}
