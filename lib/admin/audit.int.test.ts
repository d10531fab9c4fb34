import { describe, expect, it } from "vitest";
import { ADMINS_ONLY_MESSAGE, listAuditEventTypes, searchAudit } from "@/lib/admin/audit";
import { AUDIT_MESSAGES, AUDIT_PAGE_SIZE, type AuditSearchInput } from "@/lib/admin/audit.schema";
import { db } from "@/lib/db/client";
import { ForbiddenError, ValidationError } from "@/lib/domain/errors";
import { setUserAdmin } from "@/lib/admin/users";
import { createTestLaunch, createUser, uid, type TestUser } from "@/lib/test/fixtures";
import { ZONE_MESSAGE } from "@/lib/time/zone.schema";
import { instantToWallClock } from "@/lib/windows/wall-clock";

// Each test writes events of its own type prefix, so tests never see each other's rows.
const prefix = () => `t${uid()}.`;
const MINUTE = 60_000;

async function seed(rows: { type: string; actor?: TestUser | null; at?: Date; launchId?: string | null; payload?: object }[]) {
  const ids: string[] = [];
  for (const r of rows) {
    const e = await db.event.create({
      data: { type: r.type, actorId: r.actor?.id ?? null, launchId: r.launchId ?? null, payload: r.payload ?? {}, at: r.at ?? new Date() },
      select: { id: true },
    });
    ids.push(e.id.toString());
  }
  return ids;
}

/** Every row of every page, following the "Older" cursor. */
async function allPages(admin: TestUser, input: AuditSearchInput, between?: (page: number) => Promise<void>) {
  const pages: string[][] = [];
  let before: string | undefined;
  for (;;) {
    const r = await searchAudit(admin.actor, { ...input, before });
    pages.push(r.rows.map((row) => row.id));
    if (!r.nextCursor) return pages;
    await between?.(pages.length);
    before = r.nextCursor;
  }
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe("audit search: filters", () => {
  it("filters by actor: an exact email or id names one person, free text matches names and emails", async () => {
    const admin = await createUser({ isAdmin: true });
    const tag = uid();
    const ada = await createUser({ name: `Ada ${tag}`, email: `ada-${tag}@test.liftoff` });
    const adam = await createUser({ name: `Adam ${tag}`, email: `adam-${tag}@test.liftoff` });
    const bob = await createUser({ name: `Bob ${tag}`, email: `bob-${tag}@test.liftoff` });
    const p = prefix();
    const [byAda, byAdam] = await seed([
      { type: `${p}one`, actor: ada },
      { type: `${p}one`, actor: adam },
      { type: `${p}one`, actor: bob },
    ]);

    const exact = await searchAudit(admin.actor, { actor: ada.email.toUpperCase(), type: p });
    expect(exact.rows.map((r) => r.id)).toEqual([byAda]);
    expect(exact.rows[0].actor).toEqual({ id: ada.id, name: ada.name, email: ada.email });
    expect(exact.actorMatches).toBeNull();
    expect((await searchAudit(admin.actor, { actor: adam.id, type: p })).rows.map((r) => r.id)).toEqual([byAdam]);

    // Free text matches both Ada and Adam (and their events only), never Bob.
    const free = await searchAudit(admin.actor, { actor: `ada`, type: p });
    expect(free.rows.map((r) => r.id)).toEqual([byAdam, byAda]);
    expect(free.actorMatches?.map((m) => m.id).sort()).toEqual(expect.arrayContaining([ada.id, adam.id]));
    expect(free.actorMatches?.map((m) => m.id)).not.toContain(bob.id);

    const nobody = await searchAudit(admin.actor, { actor: `nobody-${uid()}`, type: p });
    expect(nobody).toMatchObject({ rows: [], actorMatches: [], nextCursor: null });
  });

  it("filters by type, exactly or by prefix, and lists the types that occur", async () => {
    const admin = await createUser({ isAdmin: true });
    const p = prefix();
    const [a1, b1, a2] = await seed([{ type: `${p}alpha` }, { type: `${p}beta_gamma` }, { type: `${p}alpha` }]);
    expect((await searchAudit(admin.actor, { type: `${p}alpha` })).rows.map((r) => r.id)).toEqual([a2, a1]);
    expect((await searchAudit(admin.actor, { type: p })).rows.map((r) => r.id)).toEqual([a2, b1, a1]);
    expect((await searchAudit(admin.actor, { type: `${p}missing` })).rows).toEqual([]);
    expect((await searchAudit(admin.actor, { type: `z${p}` })).rows).toEqual([]);

    const types = await listAuditEventTypes(admin.actor);
    expect(types.filter((t) => t.startsWith(p))).toEqual([`${p}alpha`, `${p}beta_gamma`]);
    expect(new Set(types).size).toBe(types.length);
  });

  it("filters by launch (id or name) and reads the summary from the one event describer", async () => {
    const admin = await createUser({ isAdmin: true });
    const manager = await createUser();
    const name = `Audit launch ${uid()}`;
    const launch = await createTestLaunch(manager, [], name);
    const other = await createTestLaunch(manager);
    const byId = await searchAudit(admin.actor, { launch: launch.id, type: "launch.created" });
    expect(byId.rows).toHaveLength(1);
    expect(byId.rows[0]).toMatchObject({ launch: { id: launch.id, name }, actor: { id: manager.id }, summary: "created the launch" });
    const byName = await searchAudit(admin.actor, { launch: name.slice(7).toLowerCase(), type: "launch.created" });
    expect(byName.rows.map((r) => r.launchId)).toEqual([launch.id]);
    expect(byName.rows.map((r) => r.launchId)).not.toContain(other.id);
    expect(byName.launchMatches?.map((l) => l.id)).toEqual([launch.id]);
  });

  it("reads the range in the admin's zone: from inclusive, to exclusive", async () => {
    const admin = await createUser({ isAdmin: true });
    const p = prefix();
    const zone = "Europe/Berlin";
    const t0 = new Date(Math.floor((Date.now() - 3 * 86_400_000) / MINUTE) * MINUTE);
    const [justBefore, atFrom, inside, atTo] = await seed([
      { type: `${p}x`, at: new Date(t0.getTime() - 1) },
      { type: `${p}x`, at: t0 },
      { type: `${p}x`, at: new Date(t0.getTime() + MINUTE + 500) },
      { type: `${p}x`, at: new Date(t0.getTime() + 2 * MINUTE) },
    ]);
    const from = instantToWallClock(t0, zone);
    const to = instantToWallClock(new Date(t0.getTime() + 2 * MINUTE), zone);
    const r = await searchAudit(admin.actor, { type: p, from, to, tz: zone });
    expect(r.rows.map((row) => row.id)).toEqual([inside, atFrom]);
    expect(r.search.fromAt).toEqual(t0);
    // As typed in the form ("2026-11-29 14:30", 24-hour) it reads the same.
    expect((await searchAudit(admin.actor, { type: p, from: from.replace("T", " "), to: to.replace("T", " "), tz: zone })).rows.map((row) => row.id)).toEqual([inside, atFrom]);
    // The same wall clock read in UTC is an hour later (Berlin is UTC+1 in winter): nothing falls after it.
    expect((await searchAudit(admin.actor, { type: p, from })).rows).toEqual([]);
    expect((await searchAudit(admin.actor, { type: p, from, tz: zone })).rows.map((row) => row.id)).toEqual([atTo, inside, atFrom]);
    expect((await searchAudit(admin.actor, { type: p, to, tz: zone })).rows.map((row) => row.id)).toEqual([inside, atFrom, justBefore]);
  });
});

describe("audit search: pagination", () => {
  it("returns every event exactly once across pages, newest first, even when events arrive between pages", async () => {
    const admin = await createUser({ isAdmin: true });
    const actor = await createUser();
    const p = prefix();
    const seeded = await seed(Array.from({ length: 2 * AUDIT_PAGE_SIZE + 7 }, (_, i) => ({ type: `${p}${i % 2 ? "odd" : "even"}`, actor })));
    const pages = await allPages(admin, { type: p, actor: actor.email }, async () => {
      await seed([{ type: `${p}even`, actor }, { type: `${p}odd`, actor }]);
    });
    expect(pages.map((page) => page.length)).toEqual([AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 7]);
    const seen = pages.flat();
    expect(seen).toEqual([...seeded].reverse());
    expect(new Set(seen).size).toBe(seen.length);
    // A fresh first page shows the late arrivals first.
    const fresh = await searchAudit(admin.actor, { type: p, actor: actor.email });
    expect(fresh.rows.slice(0, 4).every((row) => !seeded.includes(row.id))).toBe(true);
  });
});

describe("audit search: authorization", () => {
  it("refuses a non-admin, and an admin whose rights were revoked even with a stale actor", async () => {
    const user = await createUser();
    await expect(searchAudit(user.actor, {})).rejects.toThrow(ForbiddenError);
    await expect(searchAudit(user.actor, {})).rejects.toThrow(ADMINS_ONLY_MESSAGE);
    await expect(listAuditEventTypes(user.actor)).rejects.toThrow(ForbiddenError);
    // An actor object claiming admin is checked against the account itself.
    await expect(searchAudit({ userId: user.id, isAdmin: true }, {})).rejects.toThrow(ADMINS_ONLY_MESSAGE);

    const admin = await createUser({ isAdmin: true });
    const other = await createUser({ isAdmin: true });
    await setUserAdmin(admin.actor, { userId: other.id, isAdmin: false });
    await expect(searchAudit(other.actor, {})).rejects.toThrow(ADMINS_ONLY_MESSAGE);
  });
});

describe("audit search: invalid input", () => {
  const now = new Date();
  const wall = (offsetDays: number) => instantToWallClock(new Date(now.getTime() + offsetDays * 86_400_000), "UTC");

  it("refuses a range that ends before it starts", async () => {
    const admin = await createUser({ isAdmin: true });
    const e = await refusal(searchAudit(admin.actor, { from: wall(-1), to: wall(-2) }));
    expect(e.message).toBe(AUDIT_MESSAGES.toBeforeFrom);
    expect(e.fieldErrors).toEqual({ to: [AUDIT_MESSAGES.toBeforeFrom] });
    expect((await refusal(searchAudit(admin.actor, { from: wall(-1), to: wall(-1) }))).fieldErrors.to).toEqual([AUDIT_MESSAGES.toBeforeFrom]);
  });

  it("refuses absurd and impossible dates, and ranges outside the instance horizon", async () => {
    const admin = await createUser({ isAdmin: true });
    for (const from of ["99999-01-01T00:00", "2026-02-30T10:00", "2026-13-01T00:00", "0001-01-01T00:00", "yesterday", "2026-01-01T10:00'; DROP TABLE event;--"]) {
      expect((await refusal(searchAudit(admin.actor, { from }))).fieldErrors).toEqual({ from: [AUDIT_MESSAGES.wallClock("From")] });
    }
    const old = await refusal(searchAudit(admin.actor, { from: "1900-01-01T00:00" }));
    expect(old.fieldErrors.from?.[0]).toMatch(/^“From” can reach back at most 365 days \(to \d{4}-\d{2}-\d{2}\)$/);
    const future = await refusal(searchAudit(admin.actor, { to: "9999-12-31T23:59" }));
    expect(future.fieldErrors.to?.[0]).toMatch(/^“To” must lie within 5 years from now \(by \d{4}-\d{2}-\d{2}\)$/);
  });

  it("refuses oversized or malformed strings with a message naming the field", async () => {
    const admin = await createUser({ isAdmin: true });
    expect((await refusal(searchAudit(admin.actor, { actor: "a".repeat(101) }))).fieldErrors).toEqual({
      actor: ["The actor search is too long: keep it under 100 characters"],
    });
    expect((await refusal(searchAudit(admin.actor, { launch: "x".repeat(5000) }))).fieldErrors.launch).toEqual([
      "The launch search is too long: keep it under 100 characters",
    ]);
    expect((await refusal(searchAudit(admin.actor, { actor: "ada\u0000" }))).fieldErrors.actor).toEqual(["The actor search contains a control character"]);
    expect((await refusal(searchAudit(admin.actor, { type: "x".repeat(101) }))).fieldErrors.type).toEqual([AUDIT_MESSAGES.typeFormat]);
    expect((await refusal(searchAudit(admin.actor, { type: "Item.Created" }))).fieldErrors.type).toEqual([AUDIT_MESSAGES.typeFormat]);
    expect((await refusal(searchAudit(admin.actor, { tz: "Mars/Olympus" }))).fieldErrors.tz).toEqual([ZONE_MESSAGE]);
    for (const before of ["abc", "-5", "0", "99999999999999999999", "9223372036854775808"]) {
      expect((await refusal(searchAudit(admin.actor, { before }))).fieldErrors.before).toEqual([AUDIT_MESSAGES.cursor]);
    }
    // Blank fields (an untouched form) are no filter at all.
    await expect(searchAudit(admin.actor, { actor: "", type: " ", launch: "", from: "", to: "", tz: "", before: "" })).resolves.toMatchObject({
      search: { tz: "UTC" },
    });
  });
});
