import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

// A caller-supplied id ends up in every log line: accept only short, plain tokens so it cannot forge or bloat lines.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps the caller's correlation id or makes one, and echoes it so the caller can quote it. */
export function assignCorrelationId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers[CORRELATION_ID_HEADER];
  const id = typeof incoming === 'string' && ACCEPTABLE.test(incoming) ? incoming : randomUUID();
  res.setHeader(CORRELATION_ID_HEADER, id);
  return id;
}

/** The correlation id of a request that went through the observability middleware. */
export function correlationIdOf(req: IncomingMessage): string | undefined {
  return typeof req.id === 'string' ? req.id : undefined;
}
