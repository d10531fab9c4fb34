// `npm run check:floors` (and the first step of `npm test`): fails when package-lock.json resolves any copy of
// a package listed in security/version-floors.json, nested copies included, below its floor.
// The audit service is unreachable from our machines, so the floors are checked in, with the advisory that
// sets each one; this script only compares versions and needs nothing but the two files.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** `min` is the floor of the newest release line; `alsoFixedIn` lists backported fixes on older lines. */
export type Floor = { package: string; min: string; alsoFixedIn?: string[]; advisories: string[]; why: string; checked: string };
export type Installed = { name: string; version: string; location: string };
export type Offender = Installed & { floor: Floor };

type Version = { core: [number, number, number]; pre: (number | string)[] };

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/;

export function parseVersion(text: string): Version {
  const m = SEMVER.exec(text);
  if (!m) throw new Error(`not a semantic version: "${text}"`);
  const pre = m[4] === undefined ? [] : m[4].split(".").map((id) => (/^\d+$/.test(id) ? Number(id) : id));
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre };
}

/** Semantic Versioning 2.0 precedence: < 0 when a < b, 0 when equal (build metadata ignored), > 0 when a > b. */
export function compareVersions(a: string, b: string): number {
  const va = parseVersion(a);
  const vb = parseVersion(b);
  for (let i = 0; i < 3; i++) if (va.core[i] !== vb.core[i]) return va.core[i] - vb.core[i];
  // A prerelease sorts before its release: 18.4.0-beta.17 < 18.4.0.
  if (va.pre.length === 0 || vb.pre.length === 0) return vb.pre.length - va.pre.length;
  for (let i = 0; i < Math.min(va.pre.length, vb.pre.length); i++) {
    const x = va.pre[i];
    const y = vb.pre[i];
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return -1; // numeric identifiers sort before alphanumeric ones
    if (typeof y === "number") return 1;
    return x < y ? -1 : 1; // ASCII order
  }
  return va.pre.length - vb.pre.length;
}

/** A release line: the major version, or major.minor below 1.0 (where a minor may break, as in semver ranges). */
function line(version: string): string {
  const [major, minor] = parseVersion(version).core;
  return major === 0 ? `0.${minor}` : String(major);
}

/**
 * Below the floor: under the fixed release of its own line, or on an older line that got no fix at all.
 * A newer line than every fixed one passes (a fix is carried forward).
 */
export function isBelowFloor(version: string, floor: Pick<Floor, "min" | "alsoFixedIn">): boolean {
  const fixes = [floor.min, ...(floor.alsoFixedIn ?? [])];
  const sameLine = fixes.find((fix) => line(fix) === line(version));
  if (sameLine) return compareVersions(version, sameLine) < 0;
  return compareVersions(version, floor.min) < 0; // `min` is the newest fix (parseFloors checks it)
}

/** Every installed copy in an npm lockfile (v2/v3 `packages` map), nested ones included; links skipped. */
export function installedPackages(lock: unknown): Installed[] {
  const packages = (lock as { packages?: Record<string, { version?: string; name?: string; link?: boolean }> })?.packages;
  if (!packages || typeof packages !== "object") {
    throw new Error("package-lock.json has no `packages` map (lockfileVersion 2 or 3 is required)");
  }
  const out: Installed[] = [];
  for (const [location, entry] of Object.entries(packages)) {
    if (location === "" || entry.link || !entry.version) continue;
    const i = location.lastIndexOf("node_modules/");
    if (i < 0) continue; // a workspace folder, not an installed package
    // An alias (`"x": "npm:y@1"`) records the real package in `name`.
    out.push({ name: entry.name ?? location.slice(i + "node_modules/".length), version: entry.version, location });
  }
  return out;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads and checks the floors file; a malformed entry is an error, never silently skipped. */
export function parseFloors(json: unknown): Floor[] {
  const floors = (json as { floors?: unknown })?.floors;
  if (!Array.isArray(floors) || floors.length === 0) throw new Error("version-floors.json: `floors` must be a non-empty array");
  const seen = new Set<string>();
  return floors.map((f: Partial<Floor>, i) => {
    const where = `version-floors.json: floors[${i}]${f?.package ? ` (${f.package})` : ""}`;
    if (typeof f?.package !== "string" || !f.package) throw new Error(`${where}: \`package\` is missing`);
    if (seen.has(f.package)) throw new Error(`${where}: listed twice`);
    seen.add(f.package);
    if (typeof f.min !== "string") throw new Error(`${where}: \`min\` is missing`);
    parseVersion(f.min);
    if (f.alsoFixedIn !== undefined) {
      if (!Array.isArray(f.alsoFixedIn)) throw new Error(`${where}: \`alsoFixedIn\` must be a list of versions`);
      for (const v of f.alsoFixedIn) {
        if (typeof v !== "string") throw new Error(`${where}: \`alsoFixedIn\` must be a list of versions`);
        if (compareVersions(v, f.min) >= 0) throw new Error(`${where}: \`alsoFixedIn\` ${v} is not older than \`min\` ${f.min}`);
      }
      const lines = [f.min, ...f.alsoFixedIn].map(line);
      if (new Set(lines).size !== lines.length) throw new Error(`${where}: one fixed version per release line`);
    }
    if (!Array.isArray(f.advisories) || f.advisories.some((a) => typeof a !== "string")) {
      throw new Error(`${where}: \`advisories\` must be a list of advisory ids (empty when none is published)`);
    }
    if (typeof f.why !== "string" || f.why.length < 10) throw new Error(`${where}: \`why\` must say what sets the floor`);
    if (typeof f.checked !== "string" || !DATE.test(f.checked)) throw new Error(`${where}: \`checked\` must be a YYYY-MM-DD date`);
    return f as Floor;
  });
}

/** The installed copies below their floor, and how many copies of floored packages were checked. */
export function findOffenders(installed: Installed[], floors: Floor[]): { offenders: Offender[]; checked: number; missing: string[] } {
  const byName = new Map(floors.map((f) => [f.package, f]));
  const offenders: Offender[] = [];
  const found = new Set<string>();
  let checked = 0;
  for (const pkg of installed) {
    const floor = byName.get(pkg.name);
    if (!floor) continue;
    found.add(pkg.name);
    checked++;
    if (isBelowFloor(pkg.version, floor)) offenders.push({ ...pkg, floor });
  }
  return { offenders, checked, missing: floors.map((f) => f.package).filter((n) => !found.has(n)) };
}

export function main(argv: string[]): number {
  const arg = (flag: string, fallback: string) => {
    const i = argv.indexOf(flag);
    return path.resolve(i >= 0 && argv[i + 1] ? argv[i + 1] : fallback);
  };
  const lockPath = arg("--lockfile", "package-lock.json");
  const floorsPath = arg("--floors", "security/version-floors.json");
  let floors: Floor[];
  let result: ReturnType<typeof findOffenders>;
  try {
    floors = parseFloors(JSON.parse(readFileSync(floorsPath, "utf8")));
    result = findOffenders(installedPackages(JSON.parse(readFileSync(lockPath, "utf8"))), floors);
  } catch (error) {
    console.error(`✖ version floors: ${(error as Error).message}`);
    return 1;
  }
  const { offenders, checked, missing } = result;
  for (const name of missing) console.log(`  note: ${name} has a floor but is not in the lockfile`);
  if (offenders.length > 0) {
    console.error(`✖ ${offenders.length} installed ${offenders.length === 1 ? "copy is" : "copies are"} below the version floor:`);
    for (const o of offenders) {
      const ids = o.floor.advisories.length > 0 ? o.floor.advisories.join(", ") : "no advisory id";
      const also = o.floor.alsoFixedIn?.length ? ` (older lines: ${o.floor.alsoFixedIn.join(", ")})` : "";
      console.error(`  ${o.name} ${o.version} (${o.location}) < ${o.floor.min}${also}: ${ids}: ${o.floor.why}`);
    }
    console.error("Raise them (npm install <pkg>@<version>, or an `overrides` entry for a nested copy), then rerun npm run check:floors.");
    return 1;
  }
  console.log(`✔ version floors: ${checked} installed copies of ${floors.length - missing.length} floored packages, none below its floor`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exit(main(process.argv.slice(2)));
}
