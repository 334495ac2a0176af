import { type DynamicModule, Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GatewayConfig } from '../config/gateway.config';
import { publicProxy } from './public-proxy';

/** The public surface's paths, served by scheduling's public listener. */
export const PUBLIC_PATHS = ['/public', '/ical'] as const;

@Injectable()
class PublicRoute implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: GatewayConfig,
  ) {}

  onModuleInit(): void {
    const upstream = this.config.publicUpstream;
    if (!upstream) return;
    const proxy = publicProxy({ upstream, timeoutMs: 10_000, logger: new Logger('PublicRoute') });
    // Mounted on the HTTP adapter, after logging and metrics, before Nest's 404: no Nest route uses these paths.
    for (const path of PUBLIC_PATHS) this.adapterHost.httpAdapter.use(path, proxy);
  }
}

/**
 * The platform's one public origin: the gateway forwards `/public/*` (online booking) and `/ical/*` (calendar feeds) to
 * scheduling's public listener (`SCHEDULING_PUBLIC_URL`), so that no service but the gateway faces the internet.
 */
@Module({})
export class PublicRouteModule {
  static forRoot(): DynamicModule {
    return { module: PublicRouteModule, providers: [PublicRoute] };
  }
}
