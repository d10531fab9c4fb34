import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actAs, createTestLaunch, createUser, type TestUser } from "@/lib/test/fixtures";
import { universalInput } from "@/lib/test/universal-input";
import { serverActionFiles } from "@/lib/test/server-actions";

// Finds every exported server action by itself and calls it (1) signed out and (2) as the manager of
// another launch, aimed at launch B's resources. Every call must be refused and no row may change.
// A new action is covered without editing this file. runAction answers an outsider with nothing but "not
// found": a valid input goes to the command, which authorizes inside its transaction (so this sweep is what
// proves every command does), and any other answer first checks that the caller can see the input's launch;
// an action open to any user that needs an input key the sweep lacks fails with VALIDATION, and
// lib/test/universal-input.ts needs that key.

// Actions any signed-in user may call, that act on no existing launch; they still must not touch B.
const OPEN_TO_ANY_USER = new Set(["createLaunchAction", "createCalendarFeedAction", "revokeCalendarFeedAction", "regenerateCalendarFeedAction", "setNotificationPreferenceAction"]);
// Tables rewritten by authentication itself, not by actions.
const AUTH_TABLES = new Set(["session", "rate_limit", "verification", "_prisma_migrations", "api_token_usage"]);

let client: pg.Client;
let outsider: TestUser;
let input: Record<string, unknown>;
let launchB: string;
const actions: { file: string; name: string; fn: (arg: unknown) => Promise<unknown> }[] = [];

async function digest(onlyLaunch?: string) {
  const { rows: tables } = await client.query<{ table_name: string; has_launch: boolean }>(
    `SELECT table_name, bool_or(column_name = 'launch_id') AS has_launch FROM information_schema.columns
     WHERE table_schema = 'public' GROUP BY table_name ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name: t, has_launch } of tables) {
    if (AUTH_TABLES.has(t)) continue;
    if (onlyLaunch && !has_launch && t !== "launch") continue;
    const where = onlyLaunch ? (t === "launch" ? `WHERE id = $1` : `WHERE launch_id = $1`) : "";
    const { rows } = await client.query(
      `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d, count(*) AS n FROM "${t}" x ${where}`,
      onlyLaunch ? [onlyLaunch] : [],
    );
    out[t] = `${rows[0].n}:${rows[0].d}`;
  }
  return out;
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const managerB = await createUser();
  const engineerB = await createUser();
  const approverB = await createUser();
  launchB = (await createTestLaunch(managerB, [[engineerB, "ENGINEER"], [approverB, "APPROVER"]])).id;
  outsider = await createUser();
  await createTestLaunch(outsider); // outsider manages launch A
  input = await universalInput(launchB, { engineer: engineerB, approver: approverB, manager: managerB });
  for (const file of serverActionFiles()) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn === "function") actions.push({ file: path.relative(process.cwd(), file), name, fn: fn as (a: unknown) => Promise<unknown> });
    }
  }
});
afterAll(() => client.end());

describe("authorization sweep over every server action", () => {
  it("finds the actions", () => {
    expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(["createLaunchAction", "addMemberAction", "removeMemberAction"]));
  });

  it("refuses every action to a signed-out caller, writing nothing", async () => {
    const before = await digest();
    actAs(null);
    for (const a of actions) {
      const result = (await a.fn(input)) as { ok: boolean; code?: string };
      expect({ action: `${a.file}#${a.name}`, ok: result.ok, code: result.code }).toEqual({ action: `${a.file}#${a.name}`, ok: false, code: "UNAUTHENTICATED" });
    }
    expect(await digest()).toEqual(before);
  });

  it("refuses every launch action to a member of another launch, writing nothing", async () => {
    const before = await digest();
    const beforeB = await digest(launchB);
    actAs(outsider);
    const refusals = [];
    for (const a of actions) {
      // Open actions run too (they must not touch B), but only launch actions must refuse.
      const result = (await a.fn(input)) as { ok: boolean; code?: string; error?: string };
      if (!OPEN_TO_ANY_USER.has(a.name)) refusals.push({ action: `${a.file}#${a.name}`, ok: result.ok, code: result.code });
    }
    expect(refusals).toEqual(
      actions.filter((a) => !OPEN_TO_ANY_USER.has(a.name)).map((a) => ({ action: `${a.file}#${a.name}`, ok: false, code: "NOT_FOUND" })),
    );
    expect(await digest(launchB)).toEqual(beforeB);
    const after = await digest();
    // Only actions open to any user may have written, and only outside launch B.
    const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
    expect(changed.every((t) => ["launch", "member", "event", "calendar_feed", "checklist_section", "checklist_item", "item_dependency", "signoff_group", "notification_preference"].includes(t))).toBe(true);
  });

  // Who before what: an outsider learns neither that launch B exists nor what its actions expect. With
  // the visibility check in runAction removed, these calls answer VALIDATION with field errors.
  const outsiderInputs = {
    "invalid input": () => invalidInput(input),
    "minimal input": () => ({ launchId: launchB, garbage: "x".repeat(300), version: "stale?", itemId: 42, nested: { a: [1] } }),
  };
  for (const [label, make] of Object.entries(outsiderInputs)) {
    it(`answers NOT_FOUND without field errors to an outsider sending ${label}, writing nothing`, async () => {
      const before = await digest();
      actAs(outsider);
      const launchActions = actions.filter((a) => !OPEN_TO_ANY_USER.has(a.name));
      expect(launchActions.length).toBeGreaterThan(30);
      const answers = [];
      for (const a of launchActions) {
        const result = (await a.fn(make())) as { ok: boolean; code?: string; fieldErrors?: unknown };
        answers.push({ action: `${a.file}#${a.name}`, ok: result.ok, code: result.code, fieldErrors: result.fieldErrors });
      }
      expect(answers).toEqual(launchActions.map((a) => ({ action: `${a.file}#${a.name}`, ok: false, code: "NOT_FOUND", fieldErrors: undefined })));
      expect(await digest()).toEqual(before);
    });
  }
});

/** Launch B's id with every other field of the wrong type or out of bounds: no schema accepts it. */
function invalidInput(valid: Record<string, unknown>) {
  const bad: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(valid)) {
    if (key === "launchId") bad[key] = value;
    else if (typeof value === "string") bad[key] = key.endsWith("Id") ? "" : "x".repeat(5000);
    else if (typeof value === "number") bad[key] = -1;
    else if (typeof value === "boolean") bad[key] = "maybe";
    else bad[key] = "not-a-list";
  }
  return { ...bad, outcome: "MAYBE", decision: "PERHAPS", to: "NOWHERE", kind: "SOMETIMES", mode: "sideways" };
}

