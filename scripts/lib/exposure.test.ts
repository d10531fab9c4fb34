import { describe, expect, it } from "vitest";
import { listenAddresses, listenHost, seedsDemo } from "./exposure";

describe("what an instance exposes", () => {
  it("listens on the loopbacks only unless HOST says otherwise", () => {
    expect(listenAddresses(listenHost(undefined))).toEqual(["127.0.0.1", "::1"]);
    expect(listenAddresses(listenHost(""))).toEqual(["127.0.0.1", "::1"]);
    expect(listenAddresses(listenHost("  "))).toEqual(["127.0.0.1", "::1"]);
    expect(listenAddresses(listenHost("0.0.0.0"))).toEqual(["0.0.0.0"]);
    expect(listenAddresses(listenHost("10.1.2.3"))).toEqual(["10.1.2.3"]);
  });

  it("seeds the demo only on the embedded database outside production, unless told", () => {
    expect(seedsDemo({ setting: undefined, embedded: true, production: false })).toBe(true);
    expect(seedsDemo({ setting: undefined, embedded: true, production: true })).toBe(false);
    expect(seedsDemo({ setting: undefined, embedded: false, production: false })).toBe(false);
    expect(seedsDemo({ setting: undefined, embedded: false, production: true })).toBe(false);
    expect(seedsDemo({ setting: "0", embedded: true, production: false })).toBe(false);
    expect(seedsDemo({ setting: "1", embedded: false, production: true })).toBe(true);
  });
});
