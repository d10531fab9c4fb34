// Which address a request comes from, for sign-in throttling. Pure (node:net only): scripts/serve.ts
// resolves it from the TCP socket and hands it to the app in CLIENT_IP_HEADER, replacing whatever a
// client sent under that name, so no header a visitor writes can pick their throttling bucket.
import { BlockList, isIP } from "node:net";

/** Set by scripts/serve.ts on every request; better-auth reads the address from it (lib/auth/auth.ts). */
export const CLIENT_IP_HEADER = "x-liftoff-client-ip";

export type TrustedProxies = { list: BlockList; count: number };

/**
 * Parses TRUSTED_PROXIES: a comma-separated list of addresses or CIDR ranges of the reverse proxies in
 * front of this instance ("10.0.0.5, 10.1.0.0/16, fd00::/8"). Throws naming the bad entry.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  let count = 0;
  for (const entry of (value ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address, prefixText, extra] = entry.split("/");
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!family || extra !== undefined || !(prefix >= 0 && prefix <= max)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    list.addSubnet(address, prefix, family === 4 ? "ipv4" : "ipv6");
    count++;
  }
  return { list, count };
}

/** "::ffff:1.2.3.4" -> "1.2.3.4"; anything that is not an IP address -> null. */
export function normalizeAddress(address: string | undefined | null): string | null {
  if (!address) return null;
  const a = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped && isIP(mapped[1]) === 4) return mapped[1];
  return isIP(a) ? a.toLowerCase() : null;
}

function trusted(proxies: TrustedProxies, address: string) {
  return proxies.list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy, in which case
 * X-Forwarded-For is walked from the right (the hop the trusted proxy appended) past further trusted
 * proxies to the first address none of them vouches for. Entries left of that are the client's own claim
 * and are never used. Without TRUSTED_PROXIES, X-Forwarded-For is ignored entirely.
 */
export function resolveClientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, proxies: TrustedProxies): string {
  const peer = normalizeAddress(socketAddress) ?? "unknown";
  if (proxies.count === 0 || peer === "unknown" || !trusted(proxies, peer)) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = header.split(",").map((s) => s.trim()).filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    // A malformed hop is where the trustworthy part of the chain ends: the last vouched-for address stands.
    if (!hop) return client;
    client = hop;
    if (!trusted(proxies, hop)) return hop;
  }
  return client;
}
