import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GatewayConfig, type ConsoleSettings } from '../config/gateway.config';
import { GRAPHQL_PATH } from '../graphql/graphql-path';
import { PUBLIC_ROUTES } from '../public/public-routes';
import { ConsoleFiles } from './console-files';

/** Where the console reads the sign-in settings it cannot know at build time (the issuer's URL differs per stack). */
export const CONSOLE_CONFIG_PATH = '/console-config.json';

/** Paths the console never answers, even as the single-page application's fallback: they belong to the platform. */
const PLATFORM_PATHS = [GRAPHQL_PATH, '/health', '/metrics', '/.well-known', ...PUBLIC_ROUTES.flatMap((r) => r.paths)];

type Next = (error?: unknown) => void;

/**
 * The security headers of every console answer. Scripts come from the gateway's origin only (Vite emits no inline
 * script); styles may be inline because Mantine and FullCalendar inject `<style>` elements at run time; the browser
 * talks to the gateway and to the identity provider (discovery and token endpoint of the PKCE flow), nothing else.
 */
export function consoleSecurityHeaders(settings: ConsoleSettings): Record<string, string> {
  const issuer = settings.authority ? ` ${new URL(settings.authority).origin}` : '';
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      `connect-src 'self'${issuer}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };
}

/**
 * Answers GET and HEAD for the console: a file of the build as it is (hashed `assets/` cached for a year, the rest
 * revalidated), the runtime settings at `CONSOLE_CONFIG_PATH`, and `index.html` for any other path without an
 * extension, so that `/agenda` reloads into the application. Everything else goes on to the next handler (Nest's 404).
 */
export function consoleHandler(settings: ConsoleSettings, files = new ConsoleFiles(settings.dir)) {
  const security = consoleSecurityHeaders(settings);
  const runtimeSettings = JSON.stringify({ authority: settings.authority ?? null, clientId: settings.clientId });
  return (request: IncomingMessage & { originalUrl?: string }, response: ServerResponse, next: Next): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.originalUrl ?? request.url ?? '/', 'http://gateway').pathname);
    } catch {
      return next();
    }
    if (PLATFORM_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return next();
    if (path === CONSOLE_CONFIG_PATH) {
      response.writeHead(200, {
        ...security,
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      });
      return void response.end(request.method === 'HEAD' ? undefined : runtimeSettings);
    }
    const file = path === '/' ? undefined : files.file(path);
    if (file) {
      const cache = file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
      return files.send(request, response, file, { ...security, 'cache-control': cache });
    }
    // A missing script or image is a 404, not the application's page in its place.
    const lastSegment = path.slice(path.lastIndexOf('/') + 1);
    if (lastSegment.includes('.')) return next();
    const index = files.index;
    if (!index) return next();
    files.send(request, response, index, { ...security, 'cache-control': 'no-cache' });
  };
}

@Injectable()
class ConsoleRoutes implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: GatewayConfig,
  ) {}

  onModuleInit(): void {
    const settings = this.config.console;
    if (!settings) return;
    const files = new ConsoleFiles(settings.dir);
    if (!files.index)
      new Logger('Console').warn(`No index.html in ${settings.dir}: build the console (nx run console:build)`);
    // Mounted like the public routes: after Nest's own routes, before its 404; the platform's paths are passed on.
    this.adapterHost.httpAdapter.use(consoleHandler(settings, files));
  }
}

/** Serves the web console (services/console, built by Vite) on the gateway's origin when `CONSOLE_DIR` is set. */
@Module({})
export class ConsoleRouteModule {
  static forRoot(): DynamicModule {
    return { module: ConsoleRouteModule, providers: [ConsoleRoutes] };
  }
}
