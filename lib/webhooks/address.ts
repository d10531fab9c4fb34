import { BlockList, isIP } from "node:net";

// Which addresses a webhook may never reach unless the instance allows private targets (SSRF): loopback,
// private, link-local (cloud metadata at 169.254.169.254), CGNAT, multicast, unspecified, reserved and
// documentation ranges, for IPv4 and IPv6. IPv6 forms that embed an IPv4 address (mapped ::ffff:a.b.c.d,
// NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by the address they embed. Pure: unit-tested beside.

const V4 = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  V4.addSubnet(net, prefix, "ipv4");
}

const V6 = new BlockList();
for (const [net, prefix] of [
  ["::", 96], // unspecified, loopback, deprecated IPv4-compatible
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const) {
  V6.addSubnet(net, prefix, "ipv6");
}

/** The eight 16-bit groups of an IPv6 address (which may end in dotted IPv4), or null if it is not one. */
export function ipv6Groups(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split(".").map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, null];
  const parse = (s: string) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const h = parse(head);
  const t = tail === null ? [] : parse(tail);
  const fill = tail === null ? [] : new Array(8 - h.length - t.length).fill(0);
  const groups = [...h, ...fill, ...t];
  return groups.length === 8 ? groups : null;
}

const v4From = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/** The IPv4 address an IPv6 address stands for (mapped, NAT64, 6to4), or null. */
export function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  if (!g) return null;
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return v4From(g[6], g[7]); // ::ffff:a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4From(g[6], g[7]); // NAT64
  if (g[0] === 0x2002) return v4From(g[1], g[2]); // 6to4
  return null;
}

/** Why `address` (an IP literal) may not be a webhook target, or null when it is a public address. */
export function blockedAddressReason(address: string): string | null {
  const ip = address.replace(/^\[|\]$/g, "");
  const family = isIP(ip);
  if (family === 4) return V4.check(ip, "ipv4") ? `${ip} is a loopback, private, link-local or reserved address` : null;
  if (family === 6) {
    const inner = embeddedIpv4(ip);
    if (inner) return blockedAddressReason(inner) ? `${ip} is a loopback, private, link-local or reserved address` : null;
    return V6.check(ip, "ipv6") ? `${ip} is a loopback, private, link-local or reserved address` : null;
  }
  return `${address} is not an IP address`;
}
