import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestLogLevel } from '../src/logging/pino-http-options';

describe('requestLogLevel', () => {
  const level = (statusCode: number, error?: Error) =>
    requestLogLevel({} as IncomingMessage, { statusCode } as ServerResponse, error);

  it('logs refusals at warn, an outage answered 503 at warn, and only the unexpected at error', () => {
    expect([200, 404, 400, 503, 500, 502].map((status) => level(status))).toEqual([
      'info',
      'warn',
      'warn',
      'warn',
      'error',
      'error',
    ]);
    expect(level(200, new Error('stream broke'))).toBe('error');
  });
});
