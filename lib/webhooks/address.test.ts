import { describe, expect, it } from "vitest";
import { blockedAddressReason, embeddedIpv4, ipv6Groups } from "./address";

describe("webhook target addresses (SSRF)", () => {
  it.each([
    "127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.0.9", "172.16.0.1", "172.31.255.255", "192.168.1.1",
    "169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "224.0.0.1", "239.255.255.250", "255.255.255.255",
    "192.0.2.10", "198.18.0.1", "203.0.113.7",
    "::1", "::", "fe80::1", "fd00::1", "fc12:3456::1", "ff02::1", "2001:db8::1",
    "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.1.2.3", "::ffff:169.254.169.254", "0:0:0:0:0:ffff:c0a8:0101",
    "64:ff9b::7f00:1", "2002:7f00:1::", "[::1]", "::127.0.0.1",
  ])("refuses %s", (ip) => {
    expect(blockedAddressReason(ip)).not.toBeNull();
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "169.255.0.1", "2606:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"])(
    "allows the public address %s",
    (ip) => {
      expect(blockedAddressReason(ip)).toBeNull();
    },
  );

  it("refuses what is not an IP address", () => {
    expect(blockedAddressReason("localhost")).toMatch(/not an IP/);
  });

  it("expands IPv6 and finds embedded IPv4 addresses", () => {
    expect(ipv6Groups("::1")).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups("::ffff:1.2.3.4")).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(ipv6Groups("1.2.3.4")).toBeNull();
    expect(embeddedIpv4("::ffff:7f00:1")).toBe("127.0.0.1");
    expect(embeddedIpv4("2002:a00:1::1")).toBe("10.0.0.1");
    expect(embeddedIpv4("2001:4860::1")).toBeNull();
  });
});
