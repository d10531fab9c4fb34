import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { GET as feedGET } from "@/app/api/calendar/feed/[token]/route";
import { GET as launchIcsGET } from "@/app/api/launches/[launchId]/calendar.ics/route";
import { regenerateCalendarFeedAction, revokeCalendarFeedAction } from "@/app/(app)/calendar/actions";
import { scheduleWindowAction } from "@/app/(app)/launches/[launchId]/windows/actions";
import { db } from "@/lib/db/client";
import { actAs, createTestLaunch, createUser, type TestUser } from "@/lib/test/fixtures";
import { windowUid } from "./ical";
import { wallClockToInstant } from "./wall-clock";
import { createTestEnvironment, windowInput } from "./test-helpers";

const fetchFeed = (token: string) =>
  feedGET(new Request(`http://localhost:3000/api/calendar/feed/${token}`), { params: Promise.resolve({ token }) });
const fetchLaunchIcs = (launchId: string) =>
  launchIcsGET(new Request(`http://localhost:3000/api/launches/${launchId}/calendar.ics`), { params: Promise.resolve({ launchId }) });

async function newFeed(user: TestUser) {
  actAs(user);
  const result = await regenerateCalendarFeedAction();
  if (!result.ok) throw new Error(result.error);
  return result.data.token;
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
}

describe("calendar feed", () => {
  it("serves valid RFC 5545 with only the windows of the user's launches, plus freezes, in their zones", async () => {
    const me = await createUser();
    const other = await createUser();
    const mine = await createTestLaunch(me);
    const theirs = await createTestLaunch(other);
    const env = await createTestEnvironment();
    await db.freeze.create({ data: { environmentId: env.id, kind: "ONE_OFF", reason: "Feed test freeze", timeZone: "UTC", startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 2 * 86_400_000) } });
    // Days relative to now: the feed covers 60 days back to 180 ahead.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    actAs(me);
    const own = await scheduleWindowAction(windowInput(mine.id, env.id, { start: `${day(10)}T01:00`, end: `${day(10)}T05:00` }));
    actAs(other);
    const foreign = await scheduleWindowAction(windowInput(theirs.id, env.id, { start: `${day(11)}T01:00`, end: `${day(11)}T05:00` }));
    if (!own.ok || !foreign.ok) throw new Error("setup failed");
    const token = await newFeed(me);

    const response = await fetchFeed(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const events = parse(await response.text());
    const uids = events.map((e) => e.uid);
    expect(uids).toContain(windowUid(own.data.id));
    expect(uids).not.toContain(windowUid(foreign.data.id));
    expect(events.some((e) => e.summary === `Freeze (${env.name}): Feed test freeze`)).toBe(true);
    const w = events.find((e) => e.uid === windowUid(own.data.id))!;
    expect(w.startDate.zone?.tzid).toBe("Europe/London");
    expect(w.startDate.toJSDate().toISOString()).toBe(wallClockToInstant(`${day(10)}T01:00`, "Europe/London").toISOString());
    // A calendar app may append .ics to the URL.
    expect((await fetchFeed(`${token}.ics`)).status).toBe(200);
  });

  it("a revoked, regenerated or unknown feed URL returns 404", async () => {
    const me = await createUser();
    const first = await newFeed(me);
    const second = await newFeed(me);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    actAs(me);
    expect(await revokeCalendarFeedAction()).toMatchObject({ ok: true, data: { revoked: 1 } });
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await fetchFeed("not-a-token-at-all-but-long-enough")).status).toBe(404);
    // Only the hash is stored.
    expect(await db.calendarFeed.count({ where: { tokenHash: second } })).toBe(0);
    // Each creation and the revocation are audited, and no token ever enters the trail.
    const trail = await db.event.findMany({ where: { actorId: me.id, type: { startsWith: "calendar_feed." } }, orderBy: { id: "asc" } });
    expect(trail.map((e) => e.type)).toEqual(["calendar_feed.created", "calendar_feed.created", "calendar_feed.revoked"]);
    expect(JSON.stringify(trail.map((e) => e.payload))).not.toMatch(new RegExp(`${first}|${second}`));
  });

  it("the per-launch .ics is for members only", async () => {
    const me = await createUser();
    const stranger = await createUser();
    const launch = await createTestLaunch(me);
    const env = await createTestEnvironment();
    actAs(me);
    const w = await scheduleWindowAction(windowInput(launch.id, env.id));
    if (!w.ok) throw new Error(w.error);
    const response = await fetchLaunchIcs(launch.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+-windows\.ics"$/);
    expect(parse(await response.text()).map((e) => e.uid)).toEqual([windowUid(w.data.id)]);
    actAs(stranger);
    expect((await fetchLaunchIcs(launch.id)).status).toBe(404);
    actAs(null);
    expect((await fetchLaunchIcs(launch.id)).status).toBe(404);
  });
});
