import type { KeyObject } from 'node:crypto';
import { importPrivateKey } from '@msp/auth';
import { signServiceToken } from './service-identity';
import {
  InternalRejectedError,
  InternalTimeoutError,
  InternalUnavailableError,
  type InternalErrorBody,
} from './internal-api.errors';

export interface InternalHttpClientOptions {
  /** This service's name, as the callee sees it. */
  caller: string;
  /** The callee's service name (the token's audience). */
  target: string;
  baseUrl: string;
  /** This service's own Ed25519 private key (SERVICE_PRIVATE_KEY); the callee knows its public half. */
  privateKey: string | KeyObject;
  /** Short by design: a phone call or a meeting planner waits on it (default 1500 ms). */
  timeoutMs?: number;
}

/**
 * Client for the few questions that need an answer now (next free slots, hold a slot, caller lookup). Fails fast with a
 * typed error (timeout, unavailable, rejected) so the caller can take its degraded path; never retries on its own.
 */
export class InternalHttpClient {
  private readonly timeoutMs: number;
  private readonly privateKey: KeyObject;

  constructor(private readonly options: InternalHttpClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 1_500;
    this.privateKey = importPrivateKey(options.privateKey, 'SERVICE_PRIVATE_KEY');
  }

  get<T>(path: string, correlationId?: string): Promise<T> {
    return this.call<T>('GET', path, undefined, correlationId);
  }

  post<T>(path: string, body: unknown, correlationId?: string): Promise<T> {
    return this.call<T>('POST', path, body, correlationId);
  }

  private async call<T>(method: string, path: string, body: unknown, correlationId?: string): Promise<T> {
    const { caller, target, baseUrl } = this.options;
    const url = new URL(path, baseUrl);
    // Bound to this method and path (query included, as sent): the token is worthless on any other route.
    const token = await signServiceToken(
      { caller, target, method, path: `${url.pathname}${url.search}` },
      this.privateKey,
    );
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
    };
    if (correlationId) headers['x-correlation-id'] = correlationId;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new InternalTimeoutError(target, path, this.timeoutMs);
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new InternalUnavailableError(target, path, cause ?? (error as Error).message);
    }
    const text = await response.text();
    if (response.ok) return (text ? JSON.parse(text) : undefined) as T;
    if (response.status >= 500) throw new InternalUnavailableError(target, path, `HTTP ${response.status}`);
    const error = parseError(text);
    throw new InternalRejectedError(response.status, error.code, error.message, error.field);
  }
}

function parseError(text: string): InternalErrorBody {
  try {
    const body = JSON.parse(text) as Partial<InternalErrorBody>;
    return { code: body.code ?? 'UNKNOWN', message: body.message ?? text, field: body.field };
  } catch {
    return { code: 'UNKNOWN', message: text };
  }
}
