import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestLaunch, createUser } from "@/lib/test/fixtures";
import { calendarData } from "./calendar-data";
import { createTestEnvironment } from "./test-helpers";

// Issue 10: a manager foresees a clash on the calendar: other teams' windows on the environments the
// manager's launches use appear as anonymous busy blocks (range only, no name, id or link).

const DAY = 86_400_000;

describe("busy blocks on the calendar", () => {
  it("shows a manager other teams' windows on shared environments as anonymous busy blocks, and nothing else", async () => {
    const [maya, viewer, other] = await Promise.all([createUser(), createUser(), createUser()]);
    const mine = await createTestLaunch(maya, [[viewer, "VIEWER"]], "Payments cutover");
    const theirs = await createTestLaunch(other, [], "Secret merger launch");
    const [shared, elsewhere] = await Promise.all([createTestEnvironment("shared"), createTestEnvironment("elsewhere")]);
    const base = new Date(Date.UTC(2031, 5, 10, 1));
    const at = (days: number, hours = 0) => new Date(base.getTime() + days * DAY + hours * 3_600_000);
    await db.deploymentWindow.create({ data: { launchId: mine.id, environmentId: shared.id, startsAt: at(0), endsAt: at(0, 2), timeZone: "UTC", status: "PROPOSED" } });
    const busy = await db.deploymentWindow.create({
      data: { launchId: theirs.id, environmentId: shared.id, startsAt: at(1), endsAt: at(1, 4), timeZone: "UTC", status: "SCHEDULED", notes: "Merger with Acme" },
    });
    await db.deploymentWindow.createMany({
      data: [
        { launchId: theirs.id, environmentId: elsewhere.id, startsAt: at(2), endsAt: at(2, 4), timeZone: "UTC", status: "SCHEDULED" },
        { launchId: theirs.id, environmentId: shared.id, startsAt: at(3), endsAt: at(3, 4), timeZone: "UTC", status: "PROPOSED" },
      ],
    });

    const data = await calendarData(maya.actor, ["month"], "2031-06-10", null);
    const blocks = data.windows.filter((w) => w.busy);
    expect(blocks).toEqual([
      expect.objectContaining({ launchId: "", launchName: "Busy", environment: shared.name, start: at(1).toISOString(), end: at(1, 4).toISOString() }),
    ]);
    expect(data.windows.filter((w) => !w.busy).map((w) => w.launchName)).toEqual(["Payments cutover"]);
    const json = JSON.stringify(data.windows);
    for (const secret of [busy.id, theirs.id, "Secret merger", "Acme"]) expect(json).not.toContain(secret);

    // Only managers plan windows, so only they get busy blocks; the other team sees its own window as usual.
    expect((await calendarData(viewer.actor, ["month"], "2031-06-10", null)).windows.filter((w) => w.busy)).toEqual([]);
    expect((await calendarData(other.actor, ["month"], "2031-06-10", null)).windows.filter((w) => w.busy)).toEqual([]);
  });
});
