import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Linux's default `net.ipv4.ip_local_port_range`, for systems that do not expose it. */
const DEFAULT_EPHEMERAL_START = 32768;
const LOWEST_PORT = 10000;
const ATTEMPTS = 50;

/**
 * A free TCP port on 127.0.0.1, below the kernel's ephemeral range.
 *
 * A port the kernel hands out for `listen(0)` comes from the ephemeral range that outgoing connections draw their
 * source ports from: between our probe closing and the service binding it, a Kafka or PostgreSQL client of a
 * parallel test could take it (CI saw EADDRINUSE that way). Ports under that range are never given to outgoing
 * connections, so a port that binds now stays free for whoever was told it, unless a parallel caller drew the same
 * one of the ~20,000 candidates.
 */
export async function freePort(): Promise<number> {
  const highest = ephemeralRangeStart() - 1;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const candidate = LOWEST_PORT + Math.floor(Math.random() * (highest - LOWEST_PORT + 1));
    if (await portIsFree(candidate)) return candidate;
  }
  throw new Error(`no free TCP port found between ${LOWEST_PORT} and ${highest} after ${ATTEMPTS} attempts`);
}

function ephemeralRangeStart(): number {
  try {
    const start = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(start) && start > LOWEST_PORT + 1000 ? start : DEFAULT_EPHEMERAL_START;
  } catch {
    return DEFAULT_EPHEMERAL_START;
  }
}

/** Whether `port` can be bound on `host` right now. */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
