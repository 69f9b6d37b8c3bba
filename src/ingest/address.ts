// Which IP addresses a URL fetch may connect to. Everything that is not globally routable is refused: private,
// loopback, link-local, shared (CGNAT), documentation, multicast and reserved ranges, in IPv4 and IPv6, and IPv6
// forms that carry an IPv4 address inside (IPv4-mapped "::ffff:127.0.0.1", NAT64, 6to4) are judged by that address.
import { isIP } from 'node:net';

type Range = readonly [prefix: string, bits: number, kind: string];

const IPV4_RANGES: readonly Range[] = [
  ['0.0.0.0', 8, 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignment'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const IPV6_RANGES: readonly Range[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['64:ff9b:1::', 48, 'local NAT64'],
  ['100::', 64, 'discard'],
  ['2001::', 32, 'Teredo tunnel'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique local (private)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

/**
 * Why `address` may not be connected to ("loopback", "private" …), or null when it is a public address.
 * Anything that is not an IP address is refused too: only resolved addresses are judged.
 */
export function forbiddenAddressKind(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return ipv4Kind(ipv4Bytes(bare));
  if (family !== 6) return 'not an IP address';
  const bytes = ipv6Bytes(bare);
  if (!bytes) return 'not an IP address';
  const embedded = embeddedIpv4(bytes);
  if (embedded) {
    const kind = ipv4Kind(embedded);
    return kind ? `${kind} (IPv4 inside IPv6)` : null;
  }
  return kindIn(bytes, IPV6_RANGES, ipv6Bytes);
}

function ipv4Kind(bytes: number[]): string | null {
  return kindIn(bytes, IPV4_RANGES, ipv4Bytes);
}

function kindIn(bytes: number[], ranges: readonly Range[], parse: (s: string) => number[] | null): string | null {
  for (const [prefix, bits, kind] of ranges) {
    const start = parse(prefix);
    if (start && inPrefix(bytes, start, bits)) return kind;
  }
  return null;
}

function inPrefix(bytes: number[], prefix: number[], bits: number): boolean {
  for (let bit = 0; bit < bits; bit++) {
    const mask = 0x80 >> (bit % 8);
    if (((bytes[bit >> 3] ?? 0) & mask) !== ((prefix[bit >> 3] ?? 0) & mask)) return false;
  }
  return true;
}

/** The IPv4 address an IPv6 address stands for, when it is one of the forms that carry one. */
function embeddedIpv4(bytes: number[]): number[] | null {
  const zero = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const tail = bytes.slice(12, 16);
  // ::ffff:a.b.c.d (IPv4-mapped)
  if (zero(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return tail;
  // ::ffff:0:a.b.c.d (IPv4-translated)
  if (zero(0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zero(10, 12)) return tail;
  // ::a.b.c.d (IPv4-compatible, deprecated), but not :: and ::1
  if (zero(0, 12) && !(zero(12, 15) && (bytes[15] ?? 0) <= 1)) return tail;
  // 64:ff9b::a.b.c.d (NAT64, well-known prefix)
  if (bytes[0] === 0 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zero(4, 12)) return tail;
  // 2002:aabb:ccdd::/48 (6to4)
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6);
  return null;
}

function ipv4Bytes(address: string): number[] {
  return address.split('.').map(Number);
}

/** "::ffff:127.0.0.1" → its 16 bytes; null when it is not an IPv6 address. */
function ipv6Bytes(address: string): number[] | null {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = ipv4Bytes(dotted[1]);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const bytes: number[] = [];
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/.test(group)) return null;
    const value = Number.parseInt(group, 16);
    bytes.push(value >> 8, value & 0xff);
  }
  return bytes;
}
