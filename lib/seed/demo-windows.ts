import "server-only";
import { db } from "@/lib/db/client";
import { createEnvironment, createFreeze } from "@/lib/windows/admin-commands";
import { proposeOrScheduleWindow } from "@/lib/windows/commands";
import { addDays, isoWeekday, wallClockAt } from "@/lib/windows/wall-clock";
import { freezeSchema, scheduleWindowSchema } from "@/lib/windows/window.schema";
import { extendDemo } from "./demo";

// The demo's windows part: three environments, a weekday business-hours freeze on production-eu and a
// year-end freeze, and the demo launch's Saturday-night window. All written through the commands.

const pad = (n: number) => String(n).padStart(2, "0");

/** The coming Saturday (at least 2 days away, so the demo always has a countdown) as "YYYY-MM-DD" in London. */
function nextSaturday(now = new Date()): string {
  let day = addDays(wallClockAt(now, "Europe/London"), 2);
  while (isoWeekday(day) !== 6) day = addDays(day, 1);
  return `${day.year}-${pad(day.month)}-${pad(day.day)}`;
}

extendDemo(async ({ launchId, users }) => {
  // Environments and freezes are admin-only, and the demo accounts are not admins (their password is on
  // the sign-in page): the manager holds admin only while the seed writes them, before any server runs,
  // and loses it again even if the seed fails. A real admin is granted with `npm run admin:grant`.
  await db.user.update({ where: { id: users.manager }, data: { isAdmin: true } });
  try {
    await seedWindows(launchId, users.manager);
  } finally {
    await db.user.update({ where: { id: users.manager }, data: { isAdmin: false } });
  }
});

async function seedWindows(launchId: string, managerId: string) {
  const admin = { userId: managerId, isAdmin: true };
  const envs: Record<string, string> = {};
  for (const [name, description] of [
    ["production-eu", "EU production (Frankfurt)"],
    ["production-us", "US production (Virginia)"],
    ["staging", "Shared staging"],
  ] as const) {
    envs[name] = (await createEnvironment(admin, { name, description })).id;
  }
  await createFreeze(
    admin,
    freezeSchema.parse({
      kind: "WEEKLY",
      environmentId: envs["production-eu"],
      weekdays: [1, 2, 3, 4, 5],
      startTime: "08:00",
      endTime: "18:00",
      timeZone: "Europe/Berlin",
      reason: "Business hours: no production changes while EU customers trade",
    }),
  );
  const year = wallClockAt(new Date(), "UTC").year;
  await createFreeze(
    admin,
    freezeSchema.parse({ kind: "ONE_OFF", start: `${year}-12-20T18:00`, end: `${year + 1}-01-04T08:00`, timeZone: "UTC", reason: "Year-end change freeze" }),
  );
  const day = nextSaturday();
  await proposeOrScheduleWindow(
    admin,
    scheduleWindowSchema.parse({
      launchId,
      environmentId: envs["production-eu"],
      start: `${day}T01:00`,
      end: `${day}T05:00`,
      checkpoint: `${day}T02:30`,
      pointOfNoReturn: `${day}T03:30`,
      timeZone: "Europe/London",
      status: "SCHEDULED",
      notes: "Cut card traffic over to Payments API v3. Rollback: flip the gateway flag back and replay the queue.",
      // Only needed if next Saturday falls in the year-end freeze.
      freezeOverrideReason: "Regulatory deadline: the legacy gateway's contract ends this month",
    }),
  );
}
