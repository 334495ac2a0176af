import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { freePort, portIsFree } from '../src/free-port';

describe('freePort', () => {
  it('answers a port below the ephemeral range outgoing connections draw from, so a client cannot take it meanwhile', async () => {
    const ephemeralStart = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').split(/\s+/)[0]);
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(10000);
      expect(port).toBeLessThan(ephemeralStart);
    }
  });

  it('answers a port that can be bound, and portIsFree says no for one that is listened on', async () => {
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      expect(await portIsFree(port)).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await portIsFree(port)).toBe(true);
  });
});
