import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export interface StubAnswer {
  status: number;
  body?: unknown;
}

/** Throws when the request's service token is not valid for this stub's service (method and path bound). */
export type StubAuthenticator = (token: string, request: { method: string; path: string }) => Promise<unknown>;

/**
 * Another service's internal API, as a spec plays it: it checks the caller's service token with `authenticate` (the
 * spec passes `@msp/messaging`'s verifier bound to the stubbed service) like the real guard, can be made to fail (`down`: 503) or to answer late (`delayMs`), and logs the
 * calls it got. `route` answers each verified request; undefined is a 404.
 */
export class InternalApiStub {
  readonly calls: string[] = [];
  down = false;
  delayMs = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(
    authenticate: StubAuthenticator,
    route: (request: StubRequest) => StubAnswer | undefined | Promise<StubAnswer | undefined>,
  ): Promise<InternalApiStub> {
    const holder: { stub?: InternalApiStub } = {};
    const server = createServer((req, res) => void holder.stub?.handle(authenticate, route, req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.stub = new InternalApiStub(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.stub;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(
    authenticate: StubAuthenticator,
    route: (request: StubRequest) => StubAnswer | undefined | Promise<StubAnswer | undefined>,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const send = ({ status, body }: StubAnswer) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    try {
      await authenticate(String(req.headers.authorization ?? '').replace(/^Bearer /, ''), {
        method: req.method ?? '',
        path: req.url ?? '',
      });
    } catch {
      return send({ status: 401, body: { code: 'UNAUTHENTICATED', message: 'A service token is required' } });
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://stub');
    this.calls.push(`${req.method} ${url.pathname}`);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.down) return send({ status: 503, body: { code: 'UNAVAILABLE', message: 'down', retryable: true } });
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    const answer = await route({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body });
    send(answer ?? { status: 404, body: { code: 'NOT_FOUND', message: 'no such route' } });
  }
}
