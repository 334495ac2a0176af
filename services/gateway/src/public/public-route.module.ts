import { type DynamicModule, Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GatewayConfig } from '../config/gateway.config';
import { publicProxy } from './public-proxy';
import { PUBLIC_ROUTES } from './public-routes';

@Injectable()
class PublicRoutes implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: GatewayConfig,
  ) {}

  onModuleInit(): void {
    const logger = new Logger('PublicRoute');
    for (const route of PUBLIC_ROUTES) {
      const upstream = this.config.publicUpstreams[route.upstream];
      if (!upstream) continue;
      const proxy = publicProxy({ route, upstream, timeoutMs: 10_000, logger });
      // Mounted on the HTTP adapter, after logging, metrics and the body parsers, before Nest's 404: no Nest route uses
      // these paths.
      for (const path of route.paths) this.adapterHost.httpAdapter.use(path, proxy);
    }
  }
}

/**
 * The platform's one public origin: the gateway forwards each public route's paths (`PUBLIC_ROUTES`: online booking,
 * calendar feeds, telephony webhooks) to the public listener of the service that serves them, so that no service but
 * the gateway faces the internet.
 */
@Module({})
export class PublicRouteModule {
  static forRoot(): DynamicModule {
    return { module: PublicRouteModule, providers: [PublicRoutes] };
  }
}
