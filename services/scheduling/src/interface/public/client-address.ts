import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** Strips the IPv4-mapped IPv6 prefix Node gives IPv4 peers on a dual-stack socket. */
const plain = (address: string): string => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

/**
 * The proxies whose X-Forwarded-For is believed (the gateway, a reverse proxy): addresses or CIDR ranges, IPv4 or
 * IPv6. Throws naming the bad entry.
 */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
    if (!type) throw new Error(`"${entry}" is not an IP address or CIDR range`);
    if (bits === undefined) list.addAddress(address, type);
    else {
      const prefix = Number(bits);
      if (!/^\d+$/.test(bits) || prefix > (type === 'ipv4' ? 32 : 128))
        throw new Error(`"${entry}" has a bad prefix length`);
      list.addSubnet(address, prefix, type);
    }
  }
  return list;
}

const isTrusted = (address: string, proxies: BlockList): boolean => {
  const ip = plain(address);
  const type = isIPv4(ip) ? 'ipv4' : isIPv6(ip) ? 'ipv6' : null;
  return type !== null && proxies.check(ip, type);
};

/**
 * The client's address, as Express's `trust proxy` computes it for a list of trusted proxies: starting from the
 * socket's peer, each hop of X-Forwarded-For is taken, right to left, only while the hop that added it is trusted. An
 * untrusted peer's header is ignored, so nobody outside the trusted proxies can choose the address they are counted as.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  proxies: BlockList,
): string {
  let client = plain(socketAddress ?? 'unknown');
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  while (hops.length && isTrusted(client, proxies)) {
    const next = plain(hops.pop() as string);
    if (!isIPv4(next) && !isIPv6(next)) break;
    client = next;
  }
  return client;
}
