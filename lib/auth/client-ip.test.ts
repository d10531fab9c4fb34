import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustedProxies, resolveClientIp } from "./client-ip";

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies("10.0.0.5, 10.1.0.0/16, fd00::/8");

describe("resolveClientIp", () => {
  it("uses the socket's address and ignores X-Forwarded-For without trusted proxies", () => {
    expect(resolveClientIp("203.0.113.7", "198.51.100.1", none)).toBe("203.0.113.7");
    expect(resolveClientIp("::ffff:203.0.113.7", "1.1.1.1, 2.2.2.2", none)).toBe("203.0.113.7");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientIp("203.0.113.7", "198.51.100.1", proxies)).toBe("203.0.113.7");
  });

  it("takes the first address from the right that no trusted proxy vouches for", () => {
    // The client wrote "6.6.6.6" itself; the trusted proxy appended the address it saw.
    expect(resolveClientIp("10.0.0.5", "6.6.6.6, 198.51.100.9", proxies)).toBe("198.51.100.9");
    expect(resolveClientIp("10.0.0.5", "6.6.6.6, 198.51.100.9, 10.1.2.3", proxies)).toBe("198.51.100.9");
    expect(resolveClientIp("::ffff:10.0.0.5", ["198.51.100.9"], proxies)).toBe("198.51.100.9");
  });

  it("stops at a malformed hop and keeps the last vouched-for address", () => {
    expect(resolveClientIp("10.0.0.5", "198.51.100.9, not-an-ip", proxies)).toBe("10.0.0.5");
    expect(resolveClientIp("10.0.0.5", undefined, proxies)).toBe("10.0.0.5");
  });

  it("matches IPv6 ranges", () => {
    expect(resolveClientIp("fd00::1", "2001:db8::7", proxies)).toBe("2001:db8::7");
  });
});

describe("parseTrustedProxies", () => {
  it.each(["10.0.0.0/33", "banana", "10.0.0.1/8/2", "fd00::/129", "10.0.0.0/x"])("refuses %s, naming it", (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(value);
  });
  it("accepts an empty setting", () => {
    expect(parseTrustedProxies(" ").count).toBe(0);
  });
});

describe("normalizeAddress", () => {
  it("unwraps mapped IPv4 and brackets, refuses non-addresses", () => {
    expect(normalizeAddress("::FFFF:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("localhost")).toBeNull();
  });
});
