import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  type MiddlewareConsumer,
  Module,
  type NestMiddleware,
  type NestModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/** What the public listener answers besides them: its own probes (never /metrics, /graphql or /internal). */
const PUBLIC_PROBES = ['/health/live', '/health/ready'];

const PUBLIC_LISTEN = Symbol('PUBLIC_LISTEN');
export interface PublicListenerOptions {
  port: number;
  host: string;
  /**
   * Path prefixes for clients without a platform account (scheduling's `/public/` and `/ical/`, call routing's
   * `/telephony/`): answered on this listener only, and nothing else is.
   */
  routes: readonly string[];
}

/**
 * The path as routes could understand it: without the query string, percent-decoded (a `/%70ublic/…` must not slip
 * past), lower-cased (Express matches routes case-insensitively).
 */
function pathOf(req: IncomingMessage & { originalUrl?: string }): string {
  const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
  try {
    return decodeURIComponent(path).toLowerCase();
  } catch {
    return path.toLowerCase();
  }
}

/**
 * A second HTTP listener on PUBLIC_PORT, served by the same application, so that only the public routes face the
 * internet (through the gateway's public route) while /graphql, /internal and /metrics stay on the private port.
 * The connections it accepts are remembered, and `ListenerRoutes` lets each listener answer only its own routes.
 */
@Injectable()
export class PublicListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly sockets = new WeakSet<Socket>();
  private server?: Server;

  constructor(
    @Inject(PUBLIC_LISTEN) private readonly address: PublicListenerOptions,
    private readonly adapter: HttpAdapterHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer(this.adapter.httpAdapter.getInstance());
    server.on('connection', (socket: Socket) => this.sockets.add(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.address.port, this.address.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    new Logger('PublicListener').log(`Public routes (${this.address.routes.join(', ')}) listening on ${this.url}`);
  }

  /** Stop taking public requests before the database and Kafka close. */
  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }

  /** `http://host:port` of the public listener, once started. */
  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('The public listener is not started');
    return `http://${this.address.host}:${address.port}`;
  }

  /** Whether this request came in on the public listener, and so may reach public routes and probes only. */
  answers(req: IncomingMessage): boolean {
    const path = pathOf(req);
    if (this.sockets.has(req.socket))
      return this.address.routes.some((route) => path.startsWith(route)) || PUBLIC_PROBES.includes(path);
    return !this.address.routes.some((route) => path.startsWith(route));
  }
}

/** Runs before every route and before Apollo's /graphql: a request for another listener's route is a plain 404. */
@Injectable()
export class ListenerRoutes implements NestMiddleware {
  constructor(private readonly listener: PublicListener) {}

  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    if (this.listener.answers(req)) return next();
    res.statusCode = 404;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ code: 'NOT_FOUND', message: 'Not found' }));
  }
}

/** The public listener; the public controllers themselves stay in their feature modules. */
@Module({})
export class PublicListenerModule implements NestModule {
  static forRoot(options: PublicListenerOptions): DynamicModule {
    return {
      module: PublicListenerModule,
      providers: [{ provide: PUBLIC_LISTEN, useValue: options }, PublicListener, ListenerRoutes],
      exports: [PublicListener],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ListenerRoutes).forRoutes('*');
  }
}
