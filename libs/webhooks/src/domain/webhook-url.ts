import { isIP } from 'node:net';

export type UrlProblem = string;

/** `https`, or `http` outside production; no credentials in the URL (they would be logged and shown). */
export function webhookUrlProblem(raw: string, production: boolean): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !production)) {
    return production ? 'must use https' : 'must use https or http';
  }
  if (url.username || url.password) return 'must not carry credentials';
  if (!url.hostname) return 'must name a host';
  return null;
}

/**
 * Addresses a webhook must never reach in production (SSRF): loopback, private, link-local
 * (which holds the cloud metadata service 169.254.169.254), carrier-grade NAT, unspecified,
 * multicast and reserved ranges, and their IPv4-mapped IPv6 forms.
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return isPrivateIpv4(address);
  if (family === 6) return isPrivateIpv6(address.toLowerCase());
  return true; // not an address at all: refuse rather than guess
}

function isPrivateIpv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

function isPrivateIpv6(address: string): boolean {
  if (address === '::' || address === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return isPrivateIpv4(mapped[1]);
  if (/^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(address)) {
    const [high, low] = address
      .slice(7)
      .split(':')
      .map((part) => parseInt(part, 16));
    return isPrivateIpv4([high >> 8, high & 255, low >> 8, low & 255].join('.'));
  }
  const first = parseInt(address.split(':')[0] || '0', 16);
  return (
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xff00) === 0xff00 || // multicast
    address.startsWith('64:ff9b:') || // NAT64 can reach IPv4 private space
    address.startsWith('2001:db8:') ||
    address.startsWith('fd00:ec2::254') // AWS IPv6 metadata
  );
}
