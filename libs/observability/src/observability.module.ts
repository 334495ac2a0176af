import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule, Provider } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pinoPretty from 'pino-pretty';
import { DatabaseReadinessCheck } from './health/database-readiness.check';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';
import { resolveLogSettings } from './logging/log-settings';
import { pinoHttpOptions } from './logging/pino-http-options';
import { collectDefaultMetricsOnce } from './metrics/default-metrics';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsController } from './metrics/metrics.controller';
import { OBSERVABILITY_OPTIONS, ObservabilityOptions } from './observability-options';

/** Checks this library ships: provided here when listed, since no other module would provide them. */
const OWN_CHECKS = [DatabaseReadinessCheck];

/** Logging with correlation ids, `/health/live`, `/health/ready` and `/metrics` for one service. Import once, in the root module. */
@Global()
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    if (!options.serviceName) throw new Error('ObservabilityModule.forRoot needs a serviceName');
    const settings = resolveLogSettings(options);
    const pinoHttp = pinoHttpOptions(options.serviceName, settings);
    // In-process pretty printing rather than a transport worker: simpler, and nothing is lost when the process exits.
    const destination = options.logDestination ?? (settings.pretty ? pinoPretty({ singleLine: true }) : undefined);
    collectDefaultMetricsOnce();

    const listed = new Set(options.readinessChecks ?? []);
    const ownChecks: Provider[] = OWN_CHECKS.filter((check) => listed.has(check));
    return {
      module: ObservabilityModule,
      imports: [LoggerModule.forRoot({ pinoHttp: destination ? [pinoHttp, destination] : pinoHttp })],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: OBSERVABILITY_OPTIONS, useValue: options }, ReadinessService, ...ownChecks],
      exports: [ReadinessService],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
