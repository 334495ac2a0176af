import { clientAddress, trustedProxies } from './client-address';

describe('the client address the public rate limit counts', () => {
  const gateway = trustedProxies(['127.0.0.1', '10.0.0.0/8', '::1']);

  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', trustedProxies([]))).toBe('203.0.113.7');
  });

  it('is the address the trusted gateway forwarded', () => {
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.1', gateway)).toBe('198.51.100.1');
    expect(clientAddress('10.1.2.3', '198.51.100.1, 10.9.9.9', gateway)).toBe('198.51.100.1');
  });

  it('ignores what the client prepended: only hops added by trusted proxies count', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the gateway appended the real peer.
    expect(clientAddress('127.0.0.1', '1.2.3.4, 198.51.100.1', gateway)).toBe('198.51.100.1');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.7', '1.2.3.4', gateway)).toBe('203.0.113.7');
  });

  it('refuses a bad proxy entry, naming it', () => {
    expect(() => trustedProxies(['gateway'])).toThrow(/"gateway"/);
    expect(() => trustedProxies(['10.0.0.0/40'])).toThrow(/"10.0.0.0\/40"/);
  });
});
