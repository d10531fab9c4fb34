import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestLaunch, createUser, uid, type TestUser } from "@/lib/test/fixtures";
import { allTimeZones, canonicalZone } from "./zones";

// Zones stored before they were canonicalised ("Asia/Calcutta", "utc", "Europe/LONDON", "EST") matched no
// option of the zone lists, so forms showed another zone than the stored one. The migration renames them.
const MIGRATION = readFileSync("prisma/migrations/20261201091000_engineers_take_canonical_zones/migration.sql", "utf8");
const renameSql = MIGRATION.slice(MIGRATION.indexOf("CREATE TEMP TABLE"));
const renames = [...MIGRATION.matchAll(/\('([^']+)', '([^']+)'\)/g)].map((m) => [m[1], m[2]] as const);

/** Runs the migration's renaming part again (it is idempotent), as it ran on databases migrated before. */
async function runRenames() {
  await db.$transaction(async (tx) => {
    for (const statement of renameSql.split(/;\s*\n/).map((s) => s.trim()).filter((s) => s && !s.startsWith("--"))) {
      await tx.$executeRawUnsafe(statement);
    }
  });
}

let manager: TestUser;
let environmentId: string;
beforeAll(async () => {
  manager = await createUser();
  environmentId = (await db.environment.create({ data: { name: `zones-${uid()}` } })).id;
});
afterAll(async () => {
  await db.freeze.deleteMany({ where: { environmentId } });
});

describe("canonical zone migration", () => {
  it("renames legacy, lower-case and abbreviated zones on launches, windows and freezes to the options the lists offer", async () => {
    const legacy = ["Asia/Calcutta", "Europe/Kiev", "utc", "Europe/LONDON", "EST", " US/Eastern ", "America/Buenos_Aires"];
    const expected = ["Asia/Kolkata", "Europe/Kyiv", "UTC", "Europe/London", "America/New_York", "America/New_York", "America/Argentina/Buenos_Aires"];
    const launches = await Promise.all(legacy.map(() => createTestLaunch(manager)));
    const ids = launches.map((l) => l.id);
    const start = new Date(Date.now() + 30 * 86_400_000);
    for (const [i, zone] of legacy.entries()) {
      await db.$executeRaw`UPDATE "launch" SET time_zone = ${zone} WHERE id = ${ids[i]}`;
      await db.deploymentWindow.create({
        data: { launchId: ids[i], environmentId, startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), timeZone: zone },
      });
      await db.freeze.create({ data: { environmentId, kind: "ONE_OFF", reason: `z${i}`, startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), timeZone: zone } });
    }
    const untouched = await createTestLaunch(manager);
    await db.$executeRaw`UPDATE "launch" SET time_zone = 'Asia/Kolkata' WHERE id = ${untouched.id}`;
    const before = await db.launch.findUniqueOrThrow({ where: { id: untouched.id }, select: { updatedAt: true, version: true } });

    await runRenames();

    const options = new Set(allTimeZones());
    for (const [i, id] of ids.entries()) {
      const launch = await db.launch.findUniqueOrThrow({ where: { id }, select: { timeZone: true } });
      const window = await db.deploymentWindow.findFirstOrThrow({ where: { launchId: id }, select: { timeZone: true } });
      expect([launch.timeZone, window.timeZone]).toEqual([expected[i], expected[i]]);
      expect(options.has(launch.timeZone)).toBe(true);
    }
    const freezes = await db.freeze.findMany({ where: { environmentId }, orderBy: { reason: "asc" }, select: { timeZone: true } });
    expect(freezes.map((f) => f.timeZone)).toEqual(expected);
    const after = await db.launch.findUniqueOrThrow({ where: { id: untouched.id }, select: { timeZone: true, updatedAt: true, version: true } });
    expect(after).toEqual({ timeZone: "Asia/Kolkata", ...before });
  });

  it("maps every zone and link name of the tz database exactly as canonicalZone does, onto an offered option", () => {
    expect(renames.length).toBeGreaterThan(500);
    const options = new Set(allTimeZones());
    for (const [typed, canonical] of renames) {
      expect(canonicalZone(typed), typed).toBe(canonical);
      expect(options.has(canonical), canonical).toBe(true);
    }
    for (const zone of Intl.supportedValuesOf("timeZone").filter((z) => !z.startsWith("Etc/"))) {
      expect(renames.some(([typed]) => typed === zone.toLowerCase()), zone).toBe(true);
    }
  });
});
